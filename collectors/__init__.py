"""Collectors: plug-ins that read evidence from a repository (or a cluster) into the snapshot."""
