using Crm.Sdk.Encryption;
using Microsoft.Extensions.Options;
using Xunit;

namespace Crm.Sdk.Tests.Encryption;

/// <summary>Start-up validation of root keys given as options.</summary>
public sealed class FieldEncryptionOptionsTests
{
    private static readonly string GoodKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>One valid key needs no current id, and is served by id.</summary>
    [Fact]
    public async Task Single_key_is_the_current_key()
    {
        var provider = Create(null, ("main", GoodKey));

        Assert.Equal("main", (await provider.GetCurrentKeyAsync()).Id);
        Assert.Equal("main", (await provider.GetKeyAsync("main"))?.Id);
        Assert.Null(await provider.GetKeyAsync("other"));
    }

    /// <summary>With several keys the named current key comes first in the list of all keys.</summary>
    [Fact]
    public async Task Current_key_is_listed_first()
    {
        var provider = Create("b", ("a", TestKeys.NewBase64Key()), ("b", TestKeys.NewBase64Key()), ("c", TestKeys.NewBase64Key()));

        Assert.Equal("b", (await provider.GetCurrentKeyAsync()).Id);
        Assert.Equal(["b", "a", "c"], (await provider.GetAllKeysAsync()).Select(k => k.Id));
    }

    /// <summary>No key at all is a configuration error naming RootKeys.</summary>
    [Fact]
    public void Missing_keys_are_refused()
    {
        var error = Assert.Throws<CrmConfigurationException>(() => Create(null));

        Assert.Contains("FieldEncryptionOptions.RootKeys is empty", error.Message, StringComparison.Ordinal);
    }

    /// <summary>An entry without a key is refused, naming the entry.</summary>
    [Fact]
    public void Missing_key_is_refused()
    {
        var error = Assert.Throws<CrmConfigurationException>(() => Create("main", ("main", "")));

        Assert.Contains("FieldEncryptionOptions.RootKeys[0].Base64Key is missing", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A 16-byte (AES-128) key is refused: root keys are 256-bit.</summary>
    [Fact]
    public void Short_key_is_refused()
    {
        var shortKey = Convert.ToBase64String(new byte[16]);

        var error = Assert.Throws<CrmConfigurationException>(() => Create("main", ("main", shortKey)));

        Assert.Contains("FieldEncryptionOptions.RootKeys[0].Base64Key decodes to 16 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("32", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Text that is not base64 is refused, and the message does not echo it.</summary>
    [Fact]
    public void Bad_base64_is_refused_without_echoing_the_secret()
    {
        const string secretish = "not-base64-but-maybe-a-secret!!";

        var error = Assert.Throws<CrmConfigurationException>(() => Create("main", ("main", secretish)));

        Assert.Contains("FieldEncryptionOptions.RootKeys[0].Base64Key is not valid base64", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(secretish, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A current id that names no key is refused.</summary>
    [Fact]
    public void Current_id_not_in_the_list_is_refused()
    {
        var error = Assert.Throws<CrmConfigurationException>(() => Create("2026", ("2025", GoodKey)));

        Assert.Contains("FieldEncryptionOptions.CurrentRootKeyId '2026' is not the id of any entry", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Several keys and no current id is ambiguous, so it is refused.</summary>
    [Fact]
    public void Several_keys_need_a_current_id()
    {
        var error = Assert.Throws<CrmConfigurationException>(() => Create(null, ("a", GoodKey), ("b", TestKeys.NewBase64Key())));

        Assert.Contains("FieldEncryptionOptions.CurrentRootKeyId is missing", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Missing, invalid and repeated ids are refused; every problem is reported at once.</summary>
    [Fact]
    public void Bad_ids_are_all_reported_at_once()
    {
        var error = Assert.Throws<CrmConfigurationException>(() => Create("a", ("a", GoodKey), ("a", TestKeys.NewBase64Key()), ("has:colon", TestKeys.NewBase64Key()), ("", TestKeys.NewBase64Key())));

        Assert.Contains("RootKeys[1].Id 'a' is used by another root key", error.Message, StringComparison.Ordinal);
        Assert.Contains("RootKeys[2].Id 'has:colon' is invalid", error.Message, StringComparison.Ordinal);
        Assert.Contains("RootKeys[3].Id is missing", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A blind-index length that is not a multiple of 8 from 16 to 128 bits is refused, naming each option.</summary>
    /// <param name="bits">The configured length.</param>
    [Theory]
    [InlineData(8)]
    [InlineData(12)]
    [InlineData(0)]
    [InlineData(-32)]
    [InlineData(136)]
    public void Blind_index_length_out_of_range_is_refused_naming_the_option(int bits)
    {
        var options = WithBlindIndexKey();
        options.EmailBlindIndexBits = bits;
        options.NamePrefixBlindIndexBits = bits;

        var error = Assert.Throws<CrmConfigurationException>(() => FieldEncryptionOptionsValidator.ToBlindIndexSetup(options, localRootKeys: true));

        Assert.Contains($"FieldEncryptionOptions.EmailBlindIndexBits is {bits}: use a multiple of 8 from 16 to 128 bits", error.Message, StringComparison.Ordinal);
        Assert.Contains($"FieldEncryptionOptions.NamePrefixBlindIndexBits is {bits}", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("PhoneBlindIndexBits", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The bounds themselves are accepted, and the defaults are 32, 32 and 24 bits.</summary>
    [Fact]
    public void Blind_index_lengths_at_the_bounds_are_accepted()
    {
        var options = WithBlindIndexKey();
        options.EmailBlindIndexBits = 16;
        options.PhoneBlindIndexBits = 128;

        var (keys, lengths) = FieldEncryptionOptionsValidator.ToBlindIndexSetup(options, localRootKeys: false);

        Assert.Equal("idx-1", Assert.Single(keys).Id);
        Assert.Equal(new BlindIndexLengths(16, 128, 24), lengths);
        Assert.Equal(new BlindIndexLengths(32, 32, 24), FieldEncryptionOptionsValidator.ToBlindIndexSetup(WithBlindIndexKey(), localRootKeys: false).Lengths);
    }

    /// <summary>Without local root keys (a KMS key-encryption key provider) a blind-index key is required, and the message names the option.</summary>
    [Fact]
    public void Kms_without_a_blind_index_key_is_refused_naming_the_option()
    {
        var error = Assert.Throws<CrmConfigurationException>(() => FieldEncryptionOptionsValidator.ToBlindIndexSetup(new FieldEncryptionOptions(), localRootKeys: false));

        Assert.Contains("FieldEncryptionOptions.BlindIndexKeys is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("IKeyEncryptionKeyProvider", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// With local root keys and no blind-index key (the legacy configuration) the defaults are fine, but a changed length is
    /// refused: it could not apply to the 128-bit legacy indexes.
    /// </summary>
    [Fact]
    public void Lengths_without_a_blind_index_key_are_refused()
    {
        Assert.Empty(FieldEncryptionOptionsValidator.ToBlindIndexSetup(new FieldEncryptionOptions(), localRootKeys: true).Keys);

        var error = Assert.Throws<CrmConfigurationException>(() => FieldEncryptionOptionsValidator.ToBlindIndexSetup(new FieldEncryptionOptions { PhoneBlindIndexBits = 48 }, localRootKeys: true));

        Assert.Contains("apply to blind indexes computed with FieldEncryptionOptions.BlindIndexKeys, which is empty", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Blind-index keys are checked like root keys: size, repeated ids and a current id with several keys.</summary>
    [Fact]
    public void Bad_blind_index_keys_are_all_reported_at_once()
    {
        var options = new FieldEncryptionOptions();
        options.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = "a", Base64Key = Convert.ToBase64String(new byte[16]) });
        options.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = "a", Base64Key = GoodKey });

        var error = Assert.Throws<CrmConfigurationException>(() => FieldEncryptionOptionsValidator.ToBlindIndexSetup(options, localRootKeys: false));

        Assert.Contains("FieldEncryptionOptions.BlindIndexKeys[0].Base64Key decodes to 16 bytes; a blind-index key must be exactly 32", error.Message, StringComparison.Ordinal);
        Assert.Contains("BlindIndexKeys[1].Id 'a' is used by another blind-index key", error.Message, StringComparison.Ordinal);
        Assert.Contains("FieldEncryptionOptions.CurrentBlindIndexKeyId is missing", error.Message, StringComparison.Ordinal);
    }

    private static FieldEncryptionOptions WithBlindIndexKey()
    {
        var options = new FieldEncryptionOptions();
        options.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = "idx-1", Base64Key = TestKeys.NewBase64Key() });
        return options;
    }

    private static OptionsRootKeyProvider Create(string? currentId, params (string Id, string Key)[] keys)
    {
        var options = new FieldEncryptionOptions { CurrentRootKeyId = currentId };
        foreach (var (id, key) in keys)
        {
            options.RootKeys.Add(new RootKeyOptions { Id = id, Base64Key = key });
        }

        return new OptionsRootKeyProvider(Options.Create(options));
    }
}
