using System.Security.Cryptography;
using Xunit;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>RFC 5869 Appendix A, test cases 1 to 3 (HKDF-SHA256), through the same API the field keys use.</summary>
public sealed class HkdfKnownAnswerTests
{
    /// <summary>HKDF-SHA256 reproduces RFC 5869 A.1 (PRK and 42-byte OKM).</summary>
    [Fact]
    public void Rfc5869_test_case_1_basic()
    {
        var ikm = Hex.Repeat(0x0b, 22);
        var salt = Hex.Bytes("000102030405060708090a0b0c");
        var info = Hex.Bytes("f0f1f2f3f4f5f6f7f8f9");

        Assert.Equal("077709362c2e32df0ddc3f0dc47bba6390b6c73bb50f9c3122ec844ad7c2b3e5", Hex.Of(HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt)));
        Assert.Equal(
            "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
            Hex.Of(HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 42, salt, info)));
    }

    /// <summary>HKDF-SHA256 reproduces RFC 5869 A.2 (80-byte inputs, 82-byte OKM).</summary>
    [Fact]
    public void Rfc5869_test_case_2_longer_inputs_and_outputs()
    {
        var ikm = Hex.Range(0x00, 0x4f);
        var salt = Hex.Range(0x60, 0xaf);
        var info = Hex.Range(0xb0, 0xff);

        Assert.Equal("06a6b88c5853361a06104c9ceb35b45cef760014904671014a193f40c15fc244", Hex.Of(HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt)));
        Assert.Equal(
            "b11e398dc80327a1c8e7f78c596a49344f012eda2d4efad8a050cc4c19afa97c59045a99cac7827271cb41c65e590e09da3275600c2f09b8367793a9aca3db71cc30c58179ec3e87c14c01d5c1f3434f1d87",
            Hex.Of(HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 82, salt, info)));
    }

    /// <summary>HKDF-SHA256 reproduces RFC 5869 A.3 (empty salt and info, as the field keys use).</summary>
    [Fact]
    public void Rfc5869_test_case_3_empty_salt_and_info()
    {
        var ikm = Hex.Repeat(0x0b, 22);

        Assert.Equal("19ef24a32c717b167f33a91d6f648bdf96596776afdb6377ac434c1c293ccb04", Hex.Of(HKDF.Extract(HashAlgorithmName.SHA256, ikm, [])));
        Assert.Equal(
            "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
            Hex.Of(HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 42, [], [])));
    }
}
