using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Crm.Sdk.ProviderKit;

namespace Crm.Sdk.Storage;

/// <summary>
/// Turns a <see cref="KeysetPosition"/> into the opaque text handed to callers as <see cref="Page{T}.ContinuationToken"/>
/// and back. The text names the list it belongs to, so a token of one list is refused by another.
/// </summary>
internal static class ContinuationToken
{
    private const string Field = "ContinuationToken";

    public static string Encode(string list, KeysetPosition position)
    {
        var (tag, text) = position.SortValue switch
        {
            long l => ('l', l.ToString(CultureInfo.InvariantCulture)),
            decimal d => ('d', d.ToString(CultureInfo.InvariantCulture)),
            Guid g => ('g', g.ToString("N")),
            string s => ('s', s),
            _ => throw new ArgumentException($"Unsupported sort value type {position.SortValue.GetType()}.", nameof(position)),
        };
        var raw = $"{list}\n{position.Id:N}\n{tag}{text}";
        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(raw));
    }

    public static KeysetPosition? Decode(string list, string? token)
    {
        if (token is null)
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('\n', 3);
            if (parts.Length == 3 && parts[0] == list && Guid.TryParseExact(parts[1], "N", out var id) && parts[2].Length > 0)
            {
                var text = parts[2][1..];
                object? value = parts[2][0] switch
                {
                    'l' => long.Parse(text, CultureInfo.InvariantCulture),
                    'd' => decimal.Parse(text, CultureInfo.InvariantCulture),
                    'g' => Guid.ParseExact(text, "N"),
                    's' => text,
                    _ => null,
                };
                if (value is not null)
                {
                    return new KeysetPosition(value, id);
                }
            }
        }
        catch (Exception ex) when (ex is FormatException or OverflowException)
        {
            // Falls through to the validation error below.
        }

        throw new CrmValidationException(Field, "continuation-token-invalid", "The continuation token is not one this list issued; pass back the token of the previous page unchanged.");
    }
}
