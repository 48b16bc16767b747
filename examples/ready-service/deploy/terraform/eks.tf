# The production EKS cluster (plan: deploy/terraform/plan.json). The control plane ships its
# API server, audit and authenticator logs to CloudWatch Logs (/aws/eks/shop-prod/cluster).
resource "aws_eks_cluster" "main" {
  name     = "shop-prod"
  version  = "1.29"
  role_arn = var.cluster_role_arn

  enabled_cluster_log_types = ["api", "audit", "authenticator"]

  vpc_config {
    subnet_ids              = var.private_subnet_ids
    endpoint_private_access = true
    endpoint_public_access  = false
  }
}

resource "aws_cloudwatch_log_group" "eks_control_plane" {
  name              = "/aws/eks/shop-prod/cluster"
  retention_in_days = 365
}
