using System.Text;
using Crm.Sdk.Encryption;
using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>Properties of field encryption that hold for every text.</summary>
public sealed class FieldCipherPropertyTests
{
    /// <summary>Any valid Unicode text round-trips, including empty text and supplementary-plane characters.</summary>
    [Fact]
    public void Any_text_round_trips()
    {
        using var key = TestKeys.NewDataKey();

        Prop.ForAll(UnicodeText.Arbitrary(), text =>
                FieldCipher.Decrypt(FieldCipher.Encrypt(text, TestKeys.Email(), key), TestKeys.Email(), key) == text)
            .QuickCheckThrowOnFailure();
    }

    /// <summary>Encrypting the same value twice gives two different envelopes (fresh nonce), both readable.</summary>
    [Fact]
    public void Same_value_encrypts_differently_each_time()
    {
        using var key = TestKeys.NewDataKey();

        Prop.ForAll(UnicodeText.Arbitrary(), text =>
            {
                var first = FieldCipher.Encrypt(text, TestKeys.Email(), key);
                var second = FieldCipher.Encrypt(text, TestKeys.Email(), key);
                return first != second
                    && FieldCipher.Decrypt(first, TestKeys.Email(), key) == text
                    && FieldCipher.Decrypt(second, TestKeys.Email(), key) == text;
            })
            .QuickCheckThrowOnFailure();
    }

    /// <summary>The envelope is exactly the UTF-8 length plus 45 bytes (header 17, nonce 12, tag 16).</summary>
    [Fact]
    public void Envelope_size_is_plaintext_size_plus_overhead()
    {
        using var key = TestKeys.NewDataKey();

        Prop.ForAll(UnicodeText.Arbitrary(), text =>
            {
                var envelope = FieldCipher.Encrypt(text, TestKeys.Email(), key);
                var binaryLength = System.Buffers.Text.Base64Url.GetMaxDecodedLength(envelope.Length - 4);
                return binaryLength == Encoding.UTF8.GetByteCount(text) + 45;
            })
            .QuickCheckThrowOnFailure();
    }

    /// <summary>No value decrypts in another record.</summary>
    [Fact]
    public void No_value_decrypts_in_another_record()
    {
        using var key = TestKeys.NewDataKey();

        Prop.ForAll(UnicodeText.Arbitrary(), text =>
            {
                var envelope = FieldCipher.Encrypt(text, TestKeys.Email(), key);
                try
                {
                    FieldCipher.Decrypt(envelope, TestKeys.Email(Guid.NewGuid()), key);
                    return false;
                }
                catch (CryptographicIntegrityException e)
                {
                    return e.Failure == CryptographicIntegrityFailure.AuthenticationFailed;
                }
            })
            .QuickCheckThrowOnFailure();
    }
}
