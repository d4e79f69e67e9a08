#!/usr/bin/env python3
# gen-network-stubs.py: the executable's side of the network module
# (docs/architecture.md, "The network module").
#
#   gen-network-stubs.py stubs OUTPUT.c HEADER.h… SOURCE.c…
#
#     For each function that one of the headers declares and one of the
#     module's sources defines, a C function with the same prototype that
#     looks the module's function up (reports_network_lookup(), which loads
#     the module once) and calls it. Functions a header declares that the
#     sources do not define are the executable's own and get no stub.
#     Anything the parser does not understand in a header is an error, not
#     a skipped declaration.
#
#   gen-network-stubs.py dynamic-list OUTPUT LIBRARY.a…
#
#     The symbols the module's static libraries use and do not define, as
#     a linker dynamic list: the executable exports those it defines, and
#     only those.
#
#   gen-network-stubs.py check MODULE.so EXECUTABLE STUBS.c
#
#     The data suite's check that no object is in both: the module defines
#     no symbol that the executable defines, but for the stubs (a GType
#     registered twice would abort, a static variable twice would split).
#
# SPDX-License-Identifier: GPL-3.0-or-later

import os
import re
import subprocess
import sys

IDENT = r'[A-Za-z_][A-Za-z0-9_]*'
# G_GNUC_WARN_UNUSED_RESULT, G_GNUC_PRINTF (1, 2), G_GNUC_BEGIN_…
ATTRIBUTE = re.compile(r'\bG_GNUC_[A-Z0-9_]+\b(\s*\([^()]*\))?|\b[A-Z]+_AVAILABLE_IN_[A-Z0-9_]+\b')
DECLARE_TYPE = re.compile(r'^G_DECLARE_(FINAL_TYPE|DERIVABLE_TYPE|INTERFACE)\s*\(\s*' + IDENT + r'\s*,\s*(' + IDENT + r')\s*,')
DEFINE_TYPE = re.compile(r'^G_DEFINE_[A-Z_]*TYPE[A-Z_]*\s*\(\s*' + IDENT + r'\s*,\s*(' + IDENT + r')\s*[,)]', re.M)
DEFINE_QUARK = re.compile(r'^G_DEFINE_QUARK\s*\([^,]*,\s*(' + IDENT + r')\s*\)', re.M)
DEFINITION = re.compile(r'^(' + IDENT + r')\s*\(', re.M)


class ParseError(Exception):
    pass


def fail(message):
    sys.stderr.write('gen-network-stubs.py: ' + message + '\n')
    sys.exit(1)


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)
    return re.sub(r'//[^\n]*', ' ', text)


def header_statements(path):
    """The header's top-level statements, without comments, preprocessor
    lines, conditional blocks (#if … #endif: test hooks) and braces."""
    with open(path, encoding='utf-8') as f:
        text = strip_comments(f.read())
    lines = []
    depth = 0
    continued = False
    for line in text.split('\n'):
        stripped = line.strip()
        if continued or stripped.startswith('#'):
            continued = stripped.endswith('\\')
            directive = stripped.lstrip('#').strip()
            if re.match(r'if', directive):
                depth += 1
            elif directive.startswith('endif'):
                depth -= 1
            continue
        if depth == 0:
            lines.append(line)
    text = '\n'.join(lines)
    # Drop struct/enum bodies: what is inside braces is no declaration of ours.
    out = []
    braces = 0
    for c in text:
        if c == '{':
            braces += 1
        elif c == '}':
            braces -= 1
        elif braces == 0:
            out.append(c)
    text = ''.join(out)
    text = re.sub(r'\bG_(BEGIN|END)_DECLS\b', ' ', text)
    statements = []
    for statement in text.split(';'):
        statement = ' '.join(statement.split())
        if not statement:
            continue
        # G_DECLARE_FINAL_TYPE (…) and G_DEFINE_AUTOPTR_CLEANUP_FUNC (…)
        # have no semicolon: split them off (the latter declares no
        # function of ours and is dropped).
        while True:
            m = re.match(r'^((G_DECLARE_[A-Z_]+|G_DEFINE_AUTO[A-Z_]*)\s*\([^()]*\))\s*(.*)$', statement)
            if not m:
                break
            if m.group(2).startswith('G_DECLARE_'):
                statements.append(m.group(1))
            statement = m.group(3)
        if statement:
            statements.append(statement)
    return statements


def parse_declaration(statement):
    """(return type, name, [(type, name)…]) or None for what declares no
    function (typedefs, struct and enum names)."""
    m = DECLARE_TYPE.match(statement)
    if m:
        return ('GType', m.group(2) + '_get_type', [])
    if statement.startswith('G_DECLARE_'):
        raise ParseError('unknown type declaration')
    if re.match(r'^(typedef|struct|enum|union)\b', statement):
        return None
    if '(' not in statement:
        raise ParseError('neither a function nor a type')
    statement = ATTRIBUTE.sub(' ', statement)
    statement = ' '.join(statement.split())
    if statement.startswith('extern ') or statement.startswith('static '):
        raise ParseError('storage class')
    m = re.match(r'^(.*?[\s*])(' + IDENT + r')\s*\((.*)\)$', statement)
    if not m:
        raise ParseError('not a function declaration')
    ret, name, params = m.group(1).strip(), m.group(2), m.group(3).strip()
    if not ret or '(' in ret or '(' in params or '[' in params:
        raise ParseError('function pointers and arrays are not handled')
    if params == 'void':
        return (ret, name, [])
    parsed = []
    for param in params.split(','):
        param = param.strip()
        if param == '...':
            raise ParseError('variadic functions cannot be forwarded')
        pm = re.match(r'^(.*?[\s*])(' + IDENT + r')$', param)
        if not pm or not pm.group(1).strip() or pm.group(2) in ('void', 'char', 'int', 'gboolean', 'guint'):
            raise ParseError('a parameter without a name: "%s"' % param)
        parsed.append((pm.group(1).strip(), pm.group(2)))
    return (ret, name, parsed)


def defined_functions(sources):
    names = set()
    for path in sources:
        with open(path, encoding='utf-8') as f:
            text = strip_comments(f.read())
        names.update(DEFINITION.findall(text))
        names.update(n + '_get_type' for n in DEFINE_TYPE.findall(text))
        names.update(n + '_quark' for n in DEFINE_QUARK.findall(text))
    return names


def declare(ret, name, params):
    spacer = '' if ret.endswith('*') else ' '
    return '%s%s%s (%s)' % (ret, spacer, name,
                            ', '.join('%s%s%s' % (t, '' if t.endswith('*') else ' ', n)
                                      for t, n in params) or 'void')


def stubs(output, inputs):
    headers = [p for p in inputs if p.endswith('.h')]
    sources = [p for p in inputs if p.endswith('.c')]
    if not headers or not sources or len(headers) + len(sources) != len(inputs):
        fail('stubs takes headers (.h) and sources (.c)')
    defined = defined_functions(sources)
    functions = []
    seen = set()
    for header in headers:
        for statement in header_statements(header):
            try:
                declaration = parse_declaration(statement)
            except ParseError as e:
                fail('%s: cannot parse "%s": %s' % (header, statement, e))
            if declaration is None or declaration[1] not in defined or declaration[1] in seen:
                continue
            seen.add(declaration[1])
            functions.append(declaration)
    if not functions:
        fail('no function to stub')

    out = ['/* Generated by build-aux/gen-network-stubs.py from the network',
           ' * module\'s headers: do not edit. Each function loads the module',
           ' * (once) and calls the function of the same name in it. */',
           '',
           '#include "config.h"',
           '',
           '#include "reports-network.h"',
           '']
    for header in headers:
        out.append('#include "%s"' % os.path.basename(header))
    out.append('')
    for ret, name, params in functions:
        out.append('typedef %s;' % declare(ret, '(*%s_func)' % name, params))
        out.append('')
        out.append(ret)
        out.append(declare('', name, params).lstrip())
        out.append('{')
        out.append('  static gpointer real;')
        call = '((%s_func) reports_network_lookup (&real, "%s")) (%s)' % (
            name, name, ', '.join(n for _, n in params))
        if ret == 'void':
            out.append('  %s;' % call)
        else:
            out.append('  return %s;' % call)
        out.append('}')
        out.append('')
    with open(output, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out))


def dynamic_list(output, libraries):
    nm = os.environ.get('NM', 'nm')
    undefined = set()
    defined = set()
    for library in libraries:
        result = subprocess.run([nm, '--format=posix', library], capture_output=True, text=True)
        if result.returncode != 0:
            fail('%s failed on %s: %s' % (nm, library, result.stderr.strip()))
        for line in result.stdout.split('\n'):
            fields = line.split()
            if len(fields) < 2 or fields[0].endswith(':') or fields[0].endswith(']:'):
                continue
            if fields[1] in ('U', 'w'):
                undefined.add(fields[0])
            elif fields[1].isupper():
                defined.add(fields[0])
    # What one object of the module calls in another is no business of the
    # executable's (its stub of that name must not interpose).
    names = undefined - defined
    if not names:
        fail('no undefined symbol in ' + ' '.join(libraries))
    with open(output, 'w', encoding='utf-8') as f:
        f.write('{\n')
        for name in sorted(names):
            f.write('  %s;\n' % name)
        f.write('};\n')


def defined_symbols(path):
    nm = os.environ.get('NM', 'nm')
    result = subprocess.run([nm, '--defined-only', '--format=posix', path], capture_output=True, text=True)
    if result.returncode != 0:
        fail('%s failed on %s: %s' % (nm, path, result.stderr.strip()))
    return set(line.split()[0] for line in result.stdout.split('\n')
               if len(line.split()) >= 2 and line.split()[1] in 'TDBRV')


def check(module, executable, stubs_c):
    with open(stubs_c, encoding='utf-8') as f:
        stubbed = set(DEFINITION.findall(f.read()))
    both = (defined_symbols(module) & defined_symbols(executable)) - stubbed
    both = set(n for n in both if not n.startswith('_') or n.startswith('_yeastar') or n.startswith('_reports'))
    print('1..1')
    if both:
        print('not ok 1 - defined in the module and in the executable: ' + ' '.join(sorted(both)))
    else:
        print('ok 1 - %d stubs, nothing else in both' % len(stubbed))


def main():
    if len(sys.argv) < 4 or sys.argv[1] not in ('stubs', 'dynamic-list', 'check'):
        fail('usage: gen-network-stubs.py stubs|dynamic-list|check OUTPUT INPUT…')
    if sys.argv[1] == 'stubs':
        stubs(sys.argv[2], sys.argv[3:])
    elif sys.argv[1] == 'dynamic-list':
        dynamic_list(sys.argv[2], sys.argv[3:])
    else:
        check(sys.argv[2], sys.argv[3], sys.argv[4])


if __name__ == '__main__':
    main()
