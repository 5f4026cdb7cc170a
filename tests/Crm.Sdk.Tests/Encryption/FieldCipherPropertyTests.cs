using System.Text;
using Crm.Sdk.Encryption;
using FsCheck.Xunit;
using Xunit;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>Properties of field encryption that hold for every text (valid UTF-16 from <see cref="UnicodeText"/>).</summary>
[Properties(Arbitrary = [typeof(UnicodeText)])]
public sealed class FieldCipherPropertyTests : IDisposable
{
    private readonly DataKey _key = TestKeys.NewDataKey();

    public void Dispose() => _key.Dispose();

    /// <summary>Any valid Unicode text round-trips, including empty text and supplementary-plane characters.</summary>
    [Property]
    public bool Any_text_round_trips(string text) =>
        FieldCipher.Decrypt(FieldCipher.Encrypt(text, TestKeys.Email(), _key), TestKeys.Email(), _key) == text;

    /// <summary>Encrypting the same value twice gives two different envelopes (fresh nonce), both readable.</summary>
    [Property]
    public bool Same_value_encrypts_differently_each_time(string text)
    {
        var first = FieldCipher.Encrypt(text, TestKeys.Email(), _key);
        var second = FieldCipher.Encrypt(text, TestKeys.Email(), _key);
        return first != second
            && FieldCipher.Decrypt(first, TestKeys.Email(), _key) == text
            && FieldCipher.Decrypt(second, TestKeys.Email(), _key) == text;
    }

    /// <summary>The envelope is exactly the UTF-8 length plus 45 bytes (header 17, nonce 12, tag 16).</summary>
    [Property]
    public bool Envelope_size_is_plaintext_size_plus_overhead(string text)
    {
        var envelope = FieldCipher.Encrypt(text, TestKeys.Email(), _key);
        var binaryLength = System.Buffers.Text.Base64Url.GetMaxDecodedLength(envelope.Length - 4);
        return binaryLength == Encoding.UTF8.GetByteCount(text) + 45;
    }

    /// <summary>A value decrypts in its own record (accepted) and in no other (refused as not authentic).</summary>
    [Property]
    public bool No_value_decrypts_in_another_record(string text)
    {
        var envelope = FieldCipher.Encrypt(text, TestKeys.Email(), _key);
        Assert.Equal(text, FieldCipher.Decrypt(envelope, TestKeys.Email(), _key));
        var refused = Assert.Throws<CryptographicIntegrityException>(() => FieldCipher.Decrypt(envelope, TestKeys.Email(Guid.NewGuid()), _key));
        return refused.Failure == CryptographicIntegrityFailure.AuthenticationFailed;
    }
}
