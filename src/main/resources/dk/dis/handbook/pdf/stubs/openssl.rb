# Stands in for OpenSSL in the build's JRuby: see handbook-pdf-preload.rb. Code that really needed
# OpenSSL would stop with "uninitialized constant OpenSSL".
