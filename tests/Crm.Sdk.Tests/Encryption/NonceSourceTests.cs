using Crm.Sdk.Encryption;
using Xunit;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>The nonces given to AES-GCM: random, and never the same twice.</summary>
public sealed class NonceSourceTests
{
    /// <summary>Thousands of nonces (several CSPRNG blocks) are all different and none is all zeros.</summary>
    [Fact]
    public void Nonces_are_never_repeated_across_blocks()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var nonce = new byte[EnvelopeFormat.NonceSize];
        for (var i = 0; i < 5_000; i++)
        {
            NonceSource.Fill(nonce);
            Assert.Contains(nonce, b => b != 0);
            Assert.True(seen.Add(Convert.ToHexString(nonce)), $"Nonce {i} repeats an earlier one.");
        }
    }

    /// <summary>Two encryptions of the same value under the same key carry different nonces.</summary>
    [Fact]
    public void Same_value_encrypts_with_different_nonces()
    {
        using var key = TestKeys.NewDataKey();
        var nonces = Enumerable.Range(0, 600)
            .Select(_ => FieldCipher.Encrypt("same", TestKeys.Email(), key))
            .Select(envelope => Convert.ToHexString(EnvelopeFormat.Nonce(Decode(envelope))))
            .ToList();

        Assert.Equal(nonces.Count, nonces.Distinct(StringComparer.Ordinal).Count());
    }

    private static byte[] Decode(string envelope) =>
        EnvelopeFormat.TryDecode(envelope, out var bytes, out _) ? bytes : throw new InvalidOperationException("Not an envelope.");
}
