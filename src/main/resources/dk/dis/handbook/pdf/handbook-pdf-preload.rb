# Runs before asciidoctor-pdf is required, to make loading it cheaper (measured on 2 cores:
# `require 'asciidoctor-pdf'` ~9 s before, 3.4–4.5 s after).
#
# While an activated gem has dependencies RubyGems has not resolved yet, every `require` asks each
# activated gem whether it holds the file, a classloader lookup per gem and suffix (~11,000 for
# asciidoctor-pdf's ~400 files). Activating asciidoctor-pdf with all its dependencies first leaves
# nothing unresolved, so each require goes straight to the load path. rexml is named too: two
# versions of it are present, so activation alone leaves it unresolved.
gem 'asciidoctor-pdf'
gem 'rexml'

# pdf-reader (asciidoctor-pdf → prawn-templates) and css_parser load OpenSSL at require time, for
# encrypted PDFs and remote style sheets. The handbook's PDFs use neither (SECURE mode, local
# images only), and loading OpenSSL with its BouncyCastle provider costs ~1.5 s. The stubs folder
# holds an empty openssl.rb that is found first; a PDF built with or without it differs only in its
# timestamps.
$LOAD_PATH.unshift 'uri:classloader:/dk/dis/handbook/pdf/stubs'
