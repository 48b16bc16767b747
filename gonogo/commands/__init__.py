"""One module per `gonogo` command; gonogo.main.COMMANDS names them."""
