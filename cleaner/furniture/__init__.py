"""Page furniture: rule files, site recognition, removal of bylines, share rows and disclaimers."""
