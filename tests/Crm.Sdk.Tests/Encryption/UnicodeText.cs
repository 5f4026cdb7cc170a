using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>Generates valid UTF-16 text: ASCII, the rest of the BMP and supplementary-plane characters (surrogate pairs), never a lone surrogate.</summary>
internal static class UnicodeText
{
    public static Arbitrary<string> Arbitrary()
    {
        var scalar = Gen.Frequency(
            (4, Gen.Choose(0x20, 0x7E)),
            (1, Gen.Choose(0x00, 0x1F)),
            (2, Gen.Choose(0x80, 0xD7FF)),
            (1, Gen.Choose(0xE000, 0xFFFF)),
            (2, Gen.Choose(0x10000, 0x10FFFF)));
        var text = scalar.ArrayOf().Select(codePoints =>
        {
            var builder = new StringBuilder();
            foreach (var codePoint in codePoints)
            {
                builder.Append(new Rune(codePoint).ToString());
            }

            return builder.ToString();
        });
        return text.ToArbitrary();
    }
}
