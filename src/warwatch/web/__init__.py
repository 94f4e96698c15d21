"""warwatch.web"""
