// SPDX-License-Identifier: GPL-2.0-or-later
/*
 * Streaming JSON writer: values are written as they come, commas and
 * indentation are tracked per nesting level.
 */
#include "config.h"

#include <inttypes.h>

#include "model/diag.h"
#include "model/json.h"

void json_init(struct json *j, FILE *out)
{
	*j = (struct json){ .out = out };
}

static void indent(struct json *j)
{
	int i;

	fputc('\n', j->out);
	for (i = 0; i < j->depth; i++)
		fputs("  ", j->out);
}

/* Separator and indentation before a value or a key. */
static void before_value(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth == 0)
		return;
	if (j->need_comma[j->depth])
		fputc(',', j->out);
	j->need_comma[j->depth] = true;
	indent(j);
}

static void open_level(struct json *j, char c)
{
	before_value(j);
	fputc(c, j->out);
	if (j->depth < JSON_MAX_DEPTH - 1)
		j->depth++;
	j->need_comma[j->depth] = false;
}

static void close_level(struct json *j, char c)
{
	bool empty = !j->need_comma[j->depth];

	if (j->depth > 0)
		j->depth--;
	if (!empty)
		indent(j);
	fputc(c, j->out);
}

void json_object_begin(struct json *j)
{
	open_level(j, '{');
}

void json_object_end(struct json *j)
{
	close_level(j, '}');
}

void json_array_begin(struct json *j)
{
	open_level(j, '[');
}

void json_array_end(struct json *j)
{
	close_level(j, ']');
}

/* The length of the valid UTF-8 sequence at @p, or 0. */
static void write_string(struct json *j, const char *s)
{
	const unsigned char *p;
	size_t n;

	fputc('"', j->out);
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			fputs("\\\"", j->out);
			break;
		case '\\':
			fputs("\\\\", j->out);
			break;
		case '\n':
			fputs("\\n", j->out);
			break;
		case '\t':
			fputs("\\t", j->out);
			break;
		case '\r':
			fputs("\\r", j->out);
			break;
		default:
			n = diag_utf8_len(p);
			if (*p < 0x20 || n == 0) {
				/* a byte that is no UTF-8 stands as U+00XX */
				fprintf(j->out, "\\u%04x", *p);
			} else {
				fwrite(p, 1, n, j->out);
				p += n - 1;
			}
		}
	}
	fputc('"', j->out);
}

void json_key(struct json *j, const char *key)
{
	before_value(j);
	write_string(j, key);
	fputs(": ", j->out);
	j->after_key = true;
}

void json_string(struct json *j, const char *s)
{
	before_value(j);
	write_string(j, s);
}

void json_int(struct json *j, int64_t v)
{
	before_value(j);
	fprintf(j->out, "%" PRId64, v);
}

void json_bool(struct json *j, bool v)
{
	before_value(j);
	fputs(v ? "true" : "false", j->out);
}

void json_null(struct json *j)
{
	before_value(j);
	fputs("null", j->out);
}

void json_finish(struct json *j)
{
	fputc('\n', j->out);
}
