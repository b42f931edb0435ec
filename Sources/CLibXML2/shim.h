#ifndef DOSSIER_CLIBXML2_SHIM_H
#define DOSSIER_CLIBXML2_SHIM_H
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlreader.h>
#include <libxml/globals.h>

/* xmlFree is a global function pointer, which Swift 6 will not call from concurrent code:
   a function of our own calls it. */
static inline void dossier_xml_free(void *pointer) { xmlFree(pointer); }
#endif
