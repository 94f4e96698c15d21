"""warwatch.export"""
