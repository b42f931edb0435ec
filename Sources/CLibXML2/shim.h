#ifndef DOSSIER_CLIBXML2_SHIM_H
#define DOSSIER_CLIBXML2_SHIM_H
/* Debian's libxml2 is built with ICU, so libxml/encoding.h would include the system's
   <unicode/ucnv.h>. Foundation ships its own, newer ICU headers (module _FoundationICU) with a
   different `enum UErrorCode`, and a clean build then failed at random, depending on which clang
   module was built first ("'U_MF_…' from module '_FoundationICU' is not present in definition of
   'enum UErrorCode' in module 'CLibXML2'"). Dossier never touches ICU through libxml2: the only
   thing the macro adds is two pointer fields at the end of xmlCharEncodingHandler, a struct we
   only ever hold by pointer, so hiding it changes no layout we read. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
/* xmlCreateMemoryParserCtxt and xmlSwitchToEncoding: the steps of htmlReadMemory that
   StreamingTreeBuilder repeats (DossierHTML). */
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/globals.h>

/* xmlFree is a global function pointer, which Swift 6 will not call from concurrent code:
   a function of our own calls it. */
static inline void dossier_xml_free(void *pointer) { xmlFree(pointer); }
#endif
