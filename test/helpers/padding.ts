/**
 * Python code that no rule cares about, at least `minLength` characters long: appended to a source, it pushes the
 * source past the size where scans parse only the parts that can hold a finding. It is built to trip a careless
 * statement splitter: column-0 text inside strings and brackets, decorators, backslash continuations, f-strings,
 * async methods, comments at column 0 inside bodies.
 */
export function irrelevantCode(minLength = 20_000): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < minLength; i++) {
    const part = `

def helper_${i}(value, *args, **kwargs):
    """Docstring with text at column 0 that looks like code:
def not_a_function():
    return 1
class NotAClass:
"""
    data = [
1, 2,
3]
# a comment at column 0 inside the body
    return value + len(data) + ${i}


@decorator_${i % 3}
class Holder${i}(object):
    attribute = (
        "text"
    )

    def method(self, x):
        return x \\
            + 1

    async def run(self):
        return f"{self.attribute!r:>10} {{literal}} {helper_${i}(1)}"
`;
    parts.push(part);
    length += part.length;
  }
  return parts.join("");
}
