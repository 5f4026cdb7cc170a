using Crm.Sdk.Customers;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>Prefix search by name when display names are encrypted (blind indexes of name prefixes).</summary>
public sealed class EncryptedNameSearchTests
{
    /// <summary>A prefix of 2 or more characters of the name, or of any of its words, finds the customer, in any case.</summary>
    /// <param name="prefix">What the user types.</param>
    /// <returns>The test.</returns>
    [Theory]
    [InlineData("An")]
    [InlineData("ann")]
    [InlineData("ANNABELLE")]
    [InlineData("annabelle marg")]
    [InlineData("fi")]
    [InlineData("Fitzwilliam-H")]
    [InlineData("  marg  ")]
    public async Task Prefix_of_the_name_or_of_any_word_finds_the_customer(string prefix)
    {
        using var database = new TestDatabase();
        await using var host = database.OpenEncrypted(TestDatabase.NewRootKey());
        var annabelle = await CreateAsync(host.Crm, "Annabelle Margarethe Fitzwilliam-Hartington");
        await CreateAsync(host.Crm, "Bob Smith");

        var found = await SearchAsync(host.Crm, prefix);

        Assert.Equal([annabelle.Id], found);
    }

    /// <summary>A one-character prefix cannot be searched over encrypted names: rule <c>name-prefix-too-short</c>.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task One_character_prefix_is_refused()
    {
        using var database = new TestDatabase();
        await using var host = database.OpenEncrypted(TestDatabase.NewRootKey());
        await CreateAsync(host.Crm, "Annabelle");

        var error = await Assert.ThrowsAsync<CrmValidationException>(() => SearchAsync(host.Crm, " a "));

        var failure = Assert.Single(error.Errors);
        Assert.Equal(("NamePrefix", "name-prefix-too-short"), (failure.Field, failure.Rule));
    }

    /// <summary>
    /// A prefix longer than the 16 indexed characters is matched exactly: a name sharing the first 16 characters but
    /// differing after them is not returned.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Long_prefix_matches_exactly_beyond_the_indexed_characters()
    {
        using var database = new TestDatabase();
        await using var host = database.OpenEncrypted(TestDatabase.NewRootKey());
        var ashford = await CreateAsync(host.Crm, "Bartholomew Quincey-Ashford");
        var ashcroft = await CreateAsync(host.Crm, "Bartholomew Quincey-Ashcroft");

        Assert.Equal([ashford.Id], await SearchAsync(host.Crm, "bartholomew quincey-ashf"));
        Assert.Equal([ashcroft.Id], await SearchAsync(host.Crm, "Bartholomew Quincey-Ashcroft"));
        Assert.Equal([ashcroft.Id], await SearchAsync(host.Crm, "quincey-ashcroft"));
        Assert.Empty(await SearchAsync(host.Crm, "quincey-ashcrofts"));
        Assert.Equal([ashford.Id, ashcroft.Id], await SearchAsync(host.Crm, "bartholomew quin"));
        Assert.Empty(await SearchAsync(host.Crm, "zz"));
        Assert.Empty(await SearchAsync(host.Crm, "bartholomew ashford"));
    }

    /// <summary>
    /// Names with characters outside the BMP (surrogate pairs in UTF-16, as rarer Chinese characters such as 𠮷 are) are
    /// indexed and found: no indexed prefix ends inside a pair, also at the 16-unit limit.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Names_with_characters_outside_the_bmp_are_indexed_and_found()
    {
        using var database = new TestDatabase();
        await using var host = database.OpenEncrypted(TestDatabase.NewRootKey());
        var yoshinoya = await CreateAsync(host.Crm, "山\U00020BB7野家 Trading");
        var long16 = await CreateAsync(host.Crm, "abcdefghijklmno\U00020BB7xyz");

        Assert.Equal([yoshinoya.Id], await SearchAsync(host.Crm, "山\U00020BB7"));
        Assert.Equal([yoshinoya.Id], await SearchAsync(host.Crm, "山\U00020BB7野家 tr"));
        Assert.Equal([long16.Id], await SearchAsync(host.Crm, "ABCDEFGHIJKLMNO\U00020BB7x"));
        Assert.Empty(await SearchAsync(host.Crm, "abcdefghijklmno\U00020BB7q"));
    }

    private static Task<Customer> CreateAsync(ICrm crm, string displayName) =>
        crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Company, CompanyName = displayName });

    private static async Task<CustomerId[]> SearchAsync(ICrm crm, string prefix) =>
        [.. (await crm.Customers.ListAsync(new CustomerFilter { NamePrefix = prefix }, PageRequest.First)).Items.Select(c => c.Id)];
}
