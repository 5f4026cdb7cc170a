using System.Security.Cryptography;
using Xunit;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>RFC 5649 section 6, both vectors (192-bit KEK), through <see cref="Aes.EncryptKeyWrapPadded(byte[])"/>.</summary>
public sealed class AesKeyWrapPaddedKnownAnswerTests
{
    private const string Kek = "5840df6e29b02af1 ab493b705bf16ea1 ae8338f4dcc176a8";

    /// <summary>AES key wrap with padding reproduces the RFC 5649 wrapped bytes and unwraps them back.</summary>
    [Theory]
    [InlineData("c37b7e6492584340 bed1220780894115 5068f738", "138bdeaa9b8fa7fc 61f97742e72248ee 5ae6ae5360d1ae6a 5f54f373fa543b6a")]
    [InlineData("466f7250617369", "afbeb0f07dfbf541 9200f2ccb50bb24f")]
    public void Rfc5649_section_6_vectors_wrap_and_unwrap(string keyData, string wrapped)
    {
        using var aes = Aes.Create();
        aes.Key = Hex.Bytes(Kek);

        Assert.Equal(Hex.Of(Hex.Bytes(wrapped)), Hex.Of(aes.EncryptKeyWrapPadded(Hex.Bytes(keyData))));
        Assert.Equal(Hex.Of(Hex.Bytes(keyData)), Hex.Of(aes.DecryptKeyWrapPadded(Hex.Bytes(wrapped))));
    }

    /// <summary>Unwrapping under the wrong key encryption key is refused, not turned into garbage.</summary>
    [Fact]
    public void Unwrapping_with_another_kek_fails_the_integrity_check()
    {
        using var aes = Aes.Create();
        aes.Key = new byte[24];

        Assert.ThrowsAny<CryptographicException>(() => aes.DecryptKeyWrapPadded(Hex.Bytes("afbeb0f07dfbf5419200f2ccb50bb24f")));
    }
}
