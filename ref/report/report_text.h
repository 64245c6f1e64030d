/* report_text.h - text escapes shared by the report programs (sltreport, sltdse). */
#ifndef REPORT_TEXT_H
#define REPORT_TEXT_H

#include <stdio.h>

/* s with <, > and & escaped for SVG/XML text */
void report_xml_text(FILE *f, const char *s);
/* s as a JSON string literal (quotes included; NULL gives "") */
void report_json_str(FILE *f, const char *s);

#endif
