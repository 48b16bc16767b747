resource "aws_db_instance" "db" {
  password = "sk_live_CANARY0123456789abcdef"
}
