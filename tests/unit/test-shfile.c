// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * The shell-style file reader: word rules, comments, arrays, functions,
 * commands and expansions, each as a shell would read them, and nothing
 * run.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "helpers.h"
#include "formats/shfile.h"
#include "tap.h"

static struct shfile f;
static struct diags d;

/* @text on one line, for a test's name. */
static const char *esc(const char *text)
{
	static char bufs[2][256];
	static int which;
	char *buf = bufs[which ^= 1];
	size_t n = 0;

	for (; *text && n + 3 < sizeof(bufs[0]); text++) {
		if (*text == '\n' || *text == '\r' || *text == '\t') {
			buf[n++] = '\\';
			buf[n++] = *text == '\n' ? 'n' :
				   *text == '\r' ? 'r' :
						   't';
		} else {
			buf[n++] = *text;
		}
	}
	buf[n] = '\0';
	return buf;
}

static void parse(const char *text)
{
	shfile_free(&f);
	diags_free(&d);
	diags_init(&d);
	shfile_parse(&f, text, strlen(text), "net", &d);
}

/* @name is @want after reading @text. */
static void value_is(const char *text, const char *name, const char *want)
{
	const struct shvar *v;

	parse(text);
	v = shfile_get(&f, name);
	tap_ok(v && !strcmp(v->value, want), "%s from '%s' is '%s'", name,
	       esc(text), esc(want));
	if (!v)
		printf("#   not set\n");
	else if (strcmp(v->value, want))
		printf("#   got '%s'\n", v->value);
}

static void unset(const char *text, const char *name)
{
	parse(text);
	tap_ok(!shfile_get(&f, name), "%s is not set by '%s'", name, esc(text));
}

static void diag_says(const char *text, enum diag_severity sev,
		      unsigned int line, const char *msg)
{
	size_t i;
	bool found = false;

	parse(text);
	for (i = 0; i < d.n; i++)
		if (d.v[i].severity == sev && d.v[i].loc.line == line &&
		    strstr(d.v[i].message, msg))
			found = true;
	tap_ok(found, "'%s': %s at line %u: '%s'", esc(text),
	       diag_severity_name(sev), line, msg);
	if (!found)
		for (i = 0; i < d.n; i++)
			printf("#   got %u: %s\n", d.v[i].loc.line,
			       d.v[i].message);
}

static void quiet(const char *text)
{
	parse(text);
	tap_ok(d.n == 0, "'%s' reads without diagnostics", esc(text));
	if (d.n)
		printf("#   got: %s\n", d.v[0].message);
}

int main(void)
{
	const struct shvar *v;

	/* words and quotes */
	value_is("A=b\n", "A", "b");
	value_is("A=\"b c\"\n", "A", "b c");
	value_is("A='b \"c\" $d'\n", "A", "b \"c\" $d");
	value_is("A=\"it's\"\n", "A", "it's");
	value_is("A=a\\ b\n", "A", "a b");
	value_is("A=\"x\\\"y\\\\z\\n\"\n", "A", "x\"y\\z\\n");
	value_is("A=pre\"mid dle\"'post'\n", "A", "premid dlepost");
	value_is("A=\n", "A", "");
	value_is("A=\"line1\nline2\"\n", "A", "line1\nline2");
	value_is("A=a\\\nb\n", "A", "ab");
	/* comments: at the start of a word only */
	value_is("DEVICE=bond0 ## comment\n", "DEVICE", "bond0");
	value_is("DEVICE=bond0#x\n", "DEVICE", "bond0#x");
	unset("DEVICE=bond0# not a comment\n", "DEVICE");
	value_is("# A=x\nA=y\n", "A", "y");
	value_is("  A=indented\n", "A", "indented");
	/* line endings */
	value_is("A=crlf\r\nB=2\r\n", "A", "crlf");
	value_is("A=last", "A", "last");
	value_is("A=\"q\"\r\n", "A", "q");
	/* export and friends */
	value_is("export A=1\n", "A", "1");
	value_is("declare -x A=1\n", "A", "1");
	unset("export A\n", "A");
	/* several assignments on one line */
	value_is("A=1 B=2\n", "B", "2");
	diag_says("BONDING_OPTS=mode=1 miimon=100\n", DIAG_WARNING, 1,
		  "quote the value");
	value_is("BONDING_OPTS=mode=1 miimon=100\n", "BONDING_OPTS", "mode=1");
	/* a command after assignments: they are for it alone */
	unset("A=1 echo hi\n", "A");
	diag_says("A=1 echo hi\n", DIAG_WARNING, 1, "not an assignment");
	/* later assignments win, with a warning */
	value_is("A=1\nA=2\n", "A", "2");
	diag_says("A=1\n\nA=2\n", DIAG_WARNING, 3, "line 1");
	value_is("A=1\nA+=2\n", "A", "12");
	/* expansions are kept as written, with a warning */
	value_is("A=\"$(touch /tmp/x)\"\n", "A", "$(touch /tmp/x)");
	value_is("A=$(touch /tmp/x y)\n", "A", "$(touch /tmp/x y)");
	value_is("A=`id`\n", "A", "`id`");
	value_is("A=${B:-c d}\n", "A", "${B:-c d}");
	value_is("A=$HOME/x\n", "A", "$HOME/x");
	diag_says("A=\"$(id)\"\n", DIAG_WARNING, 1, "kept as written");
	parse("A='$(id)'\n");
	tap_ok(d.n == 0, "single quotes expand nothing, so no warning");
	value_is("A=$(echo \")\")\n", "A", "$(echo \")\")");
	value_is("A=cost$\n", "A", "cost$");
	/* arrays */
	parse("config_eth0=( \"192.0.2.1/24\"\n  # a comment\n"
	      "  \"198.51.100.1/24 brd +\" )\n");
	v = shfile_get(&f, "config_eth0");
	tap_ok(v && v->array && v->n_elems == 2 &&
		       !strcmp(v->elems[1], "198.51.100.1/24 brd +"),
	       "an array over three lines with a comment");
	tap_ok(v && !strcmp(v->value, "192.0.2.1/24 198.51.100.1/24 brd +"),
	       "an array's value joins its elements");
	diag_says("A=( \"x\"\nB=1\n", DIAG_ERROR, 1, "unterminated array");
	/* functions: skipped as a unit, body kept */
	parse("preup() {\n\tif [[ ${IFACE} == \"bond0\" ]] ; then\n"
	      "\t\techo \"}\" >/sys/class/net/bond0/bonding/mode\n"
	      "\tfi\n\tcat <<EOF\n}\nEOF\n\treturn 0\n}\nB=after\n");
	tap_ok(f.n_funcs == 1 && !strcmp(f.funcs[0].name, "preup") &&
		       f.funcs[0].loc.line == 1,
	       "a function with a quoted brace and a here-document");
	tap_ok(f.n_funcs == 1 && strstr(f.funcs[0].body, "bonding/mode"),
	       "the function body is kept as text");
	tap_ok(shfile_get(&f, "B") && shfile_get(&f, "B")->loc.line == 10,
	       "the assignment after the function is read, on line 10");
	tap_ok(d.n == 0, "a function is no diagnostic of itself");
	parse("function postup {\n  X=1\n}\nY=2\n");
	tap_ok(f.n_funcs == 1 && !shfile_get(&f, "X") && shfile_get(&f, "Y"),
	       "function NAME { }: assignments inside are not read");
	diag_says("f() {\n  echo\n", DIAG_ERROR, 1, "not closed");
	/* here-documents outside functions */
	parse("cat <<-END\n\tA=1\n\tEND\nB=2\n");
	tap_ok(!shfile_get(&f, "A") && shfile_get(&f, "B"),
	       "a here-document's body is not read as assignments");
	diag_says("cat <<END\nA=1\n", DIAG_ERROR, 1, "here-document");
	/* other shell code */
	parse("if true; then\n  A=1\nfi\nB=2\n");
	tap_ok(!shfile_get(&f, "A") && shfile_get(&f, "B"),
	       "if ... fi is skipped, what follows is read");
	diag_says("if true; then\n  A=1\nfi\n", DIAG_WARNING, 1,
		  "not an assignment");
	parse("for i in a b; do\n  A=$i\ndone\nB=2\n");
	tap_ok(!shfile_get(&f, "A") && shfile_get(&f, "B"),
	       "a loop is skipped");
	parse("case $x in\n a) A=1 ;;\nesac\nB=2\n");
	tap_ok(!shfile_get(&f, "A") && shfile_get(&f, "B"),
	       "case ... esac is skipped");
	diag_says(". /etc/other\n", DIAG_WARNING, 1, "not followed");
	diag_says("source /etc/other\n", DIAG_WARNING, 1, "not followed");
	diag_says("rm -rf /\n", DIAG_WARNING, 1, "never run");
	unset("A=1; rm -rf /\n", "Z");
	value_is("A=1; B=2\n", "B", "2");
	value_is("A=1 && B=2\n", "A", "1");
	/* errors: where the quote was opened */
	diag_says("A=1\nB=\"open\nC=3\n", DIAG_ERROR, 2,
		  "unterminated \" quote");
	diag_says("A='open\n", DIAG_ERROR, 1, "unterminated ' quote");
	diag_says("A=$(open\n", DIAG_ERROR, 1, "unterminated $(");
	value_is("A=1\nB=\"open\n", "A", "1");
	/* clean files are quiet */
	quiet("DEVICE=bond0\nTYPE=Bond\nBONDING_OPTS=\"mode=1 miimon=100\"\n");
	quiet("\n\n# only comments\n   \n");
	quiet("");

	shfile_free(&f);
	diags_free(&d);
	return tap_done();
}
