"""The seed story (see README.md here)."""
