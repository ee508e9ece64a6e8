# asciidoctor-pdf writes no document language into the PDF. Screen readers and viewers read it
# from the catalog's /Lang entry, so this converter adds it from the document's lang attribute.
class HandbookPdfConverter < (Asciidoctor::Converter.for 'pdf')
  register_for 'pdf'

  def init_pdf doc
    result = super
    catalog.data[:Lang] = (doc.attr 'lang') if doc.attr? 'lang'
    result
  end
end
