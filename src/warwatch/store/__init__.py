"""warwatch.store"""
