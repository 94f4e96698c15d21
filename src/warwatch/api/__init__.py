"""warwatch.api"""
