namespace Crm.Sdk.Tests.Encryption;

internal static class Hex
{
    /// <summary>Parses hex that may contain spaces or line breaks, as vectors are printed in RFCs.</summary>
    public static byte[] Bytes(string hex) => Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c))));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    public static byte[] Repeat(byte value, int count) => Enumerable.Repeat(value, count).ToArray();

    public static byte[] Range(int from, int toInclusive) => Enumerable.Range(from, toInclusive - from + 1).Select(i => (byte)i).ToArray();
}
