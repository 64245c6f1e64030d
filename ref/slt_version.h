/* slt_version.h - the one version number of the project's programs and of
 * every file the generator writes (sltref --version, sltgen headers, the
 * register map). */
#ifndef SLT_VERSION_H
#define SLT_VERSION_H

#define SLT_VERSION "0.1.0"

#endif
