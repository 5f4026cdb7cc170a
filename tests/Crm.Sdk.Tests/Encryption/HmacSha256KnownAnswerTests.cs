using System.Security.Cryptography;
using System.Text;
using Xunit;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>RFC 4231 section 4, HMAC-SHA-256 results of test cases 1 to 7 (5 truncated to 128 bits, as the RFC prints it).</summary>
public sealed class HmacSha256KnownAnswerTests
{
    /// <summary>The published vectors.</summary>
    public static TheoryData<string, string, string> Vectors => new()
    {
        { "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", Hex.Of("Hi There"u8), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { Hex.Of("Jefe"u8), Hex.Of("what do ya want for nothing?"u8), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        { Hex.Of(Hex.Repeat(0xaa, 20)), Hex.Of(Hex.Repeat(0xdd, 50)), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
        { "0102030405060708090a0b0c0d0e0f10111213141516171819", Hex.Of(Hex.Repeat(0xcd, 50)), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b" },
        { Hex.Of(Hex.Repeat(0xaa, 131)), Hex.Of("Test Using Larger Than Block-Size Key - Hash Key First"u8), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
        {
            Hex.Of(Hex.Repeat(0xaa, 131)),
            Hex.Of(Encoding.ASCII.GetBytes("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.")),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        },
    };

    /// <summary>HMAC-SHA256 reproduces the RFC 4231 full-length results.</summary>
    [Theory]
    [MemberData(nameof(Vectors))]
    public void Rfc4231_test_cases_1_to_4_6_and_7(string keyHex, string dataHex, string expectedHex)
    {
        Assert.Equal(expectedHex, Hex.Of(HMACSHA256.HashData(Hex.Bytes(keyHex), Hex.Bytes(dataHex))));
    }

    /// <summary>The first 128 bits of HMAC-SHA256 reproduce RFC 4231 test case 5.</summary>
    [Fact]
    public void Rfc4231_test_case_5_truncated_to_128_bits_as_blind_indexes_truncate()
    {
        var mac = HMACSHA256.HashData(Hex.Repeat(0x0c, 20), "Test With Truncation"u8);

        Assert.Equal("a3b6167473100ee06e0c796c2955552b", Hex.Of(mac.AsSpan(0, 16)));
    }
}
