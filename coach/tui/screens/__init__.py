"""One screen a file. A module defining `AREA` is listed on the home screen."""
