using System.Text.Json;
using System.Text.Json.Serialization;

namespace Crm.Sdk.Import;

/// <summary>The JSON shape of mapping files: camelCase keys, enum names as text, unknown keys rejected.</summary>
internal static class MappingJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
    };

    /// <summary>The 1-based line and position of a JSON path (<c>$.a.b</c> or <c>$.a.b[2]</c>) in the text; the nearest found prefix.</summary>
    public static (long Line, long Position) Locate(ReadOnlySpan<byte> json, string path)
    {
        var wanted = path.Replace("[", ".[", StringComparison.Ordinal).Split('.');
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var stack = new List<string> { "$" };
        var arrayIndex = new Stack<int>();
        var best = (Line: 1L, Position: 1L);
        var bestDepth = 0;
        long line = 1;
        long lineStart = 0;
        long scanned = 0;
        while (reader.Read())
        {
            for (; scanned < reader.TokenStartIndex; scanned++)
            {
                if (json[(int)scanned] == (byte)'\n')
                {
                    line++;
                    lineStart = scanned + 1;
                }
            }

            if (reader.TokenType == JsonTokenType.PropertyName)
            {
                var depth = reader.CurrentDepth;
                if (stack.Count > depth)
                {
                    stack.RemoveRange(depth, stack.Count - depth);
                }

                stack.Add(reader.GetString()!);
                var matched = Matches(stack, wanted);
                if (matched > bestDepth)
                {
                    bestDepth = matched;
                    best = (line, reader.TokenStartIndex - lineStart + 1);
                }
            }
        }

        return best;
    }

    private static int Matches(List<string> stack, string[] wanted)
    {
        if (stack.Count > wanted.Length)
        {
            return 0;
        }

        for (var i = 0; i < stack.Count; i++)
        {
            if (!string.Equals(stack[i], wanted[i], StringComparison.Ordinal))
            {
                return 0;
            }
        }

        return stack.Count;
    }
}
