"""warwatch.link"""
