using Crm.Sdk.Customers;
using Crm.Sdk.Encryption;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>Names with astral characters, combining marks, emoji ZWJ sequences and CJK scripts (passed by index: see <see cref="UnicodeSearches"/>).</summary>
    private static readonly string[] UnicodeNames =
    [
        "Ada \U0001F600 Lovelace",
        "\u91CE\U00020BB7 \u592A\u90CE",
        "Zo\u00EB \u00DCn\u00EFc\u00F8d\u00E9 \U0001F469\u200D\U0001F4BB \u65E5\u672C\u8A9E",
        "\u738B\u5C0F\u660E",
        "\u738B\u5927\u660E",
        "\u6B27\u9633\u5A1C\u5A1C",
        "\u6B27\u6587",
        "Jos\u00E9 \u00C1lvarez",
        "Jose\u0301 Ruiz",
        "Ada \U0001F44D\U0001F3FD Byron",
        "Aq\u0303uinn Corp",
        "ACME\u682A\u5F0F\u4F1A\u793E",
        "Bob Smith",
    ];

    /// <summary>
    /// What is typed, and the names (indexes into <see cref="UnicodeNames"/>) it finds with encrypted names and with names
    /// in clear. They differ only where the encrypted search finds a word or a script run inside the name, which search
    /// over clear names (the start of the whole name) does not. Strings are passed by index: xUnit's theory data would
    /// turn a lone surrogate into U+FFFD.
    /// </summary>
    private static readonly (string Typed, int[] Encrypted, int[] Plain)[] UnicodeSearches =
    [
        ("\u738B", [3, 4], [3, 4]),
        ("\u738B\u5C0F", [3], [3]),
        ("\u738B\u5C0F\u660E", [3], [3]),
        ("\u6B27\u9633\u5A1C", [5], [5]),
        ("\u6B27", [5, 6], [5, 6]),
        ("jos\u00E9", [7, 8], [7, 8]),
        ("JOSE\u0301", [7, 8], [7, 8]),
        ("jose", [], []),
        ("ada \U0001F600", [0], [0]),
        ("ADA", [0, 9], [0, 9]),
        ("ada \U0001F44D", [], []),
        ("ada \U0001F44D\U0001F3FD", [9], [9]),
        ("zo\u00EB \u00FCn\u00EFc\u00F8d\u00E9 \U0001F469", [2], [2]),
        ("aq", [], []),
        ("AQ\u0303", [10], [10]),
        ("\u91CE\U00020BB7", [1], [1]),
        ("\u91CE", [1], [1]),
        ("zo\u00EB \u00FCn\u00EFc\u00F8d\u00E9 \U0001F469\u200D\U0001F4BB \u65E5\u672C", [2], [2]),
        ("Zo\u00EB \u00DCn\u00EFc\u00F8d\u00E9 \U0001F469\u200D\U0001F4BB \u65E5\u672C\u8A9E", [2], [2]),
        ("Zo\u00EB \u00DCn\u00EFc\u00F8d\u00E9 \U0001F469\u200D\U0001F4BB \u65E5\u672C\u4EBA", [], []),
        ("acme", [11], [11]),
        ("acme\u682A\u5F0F", [11], [11]),
        ("love", [0], []),
        ("\u592A\u90CE", [1], []),
        ("\u592A", [1], []),
        ("\u65E5\u672C", [2], []),
        ("\u00DCN\u00CF", [2], []),
        ("\u682A\u5F0F", [11], []),
        ("\u00E1lvarez", [7], []),
    ];

    /// <summary>Searches typed with a lone surrogate, or too short for encrypted names (one non-CJK text element).</summary>
    private static readonly (string Typed, string Rule)[] RefusedSearches =
    [
        ("ada \uD83D", "invalid-unicode"),
        ("\uDE00", "invalid-unicode"),
        ("\U0001F44D\U0001F3FD", "name-prefix-too-short"),
        ("\U0001F600", "name-prefix-too-short"),
        ("e\u0301", "name-prefix-too-short"),
    ];

    public static TheoryData<int> UnicodeSearchIndexes => [.. Enumerable.Range(0, UnicodeSearches.Length)];

    public static TheoryData<int> RefusedSearchIndexes => [.. Enumerable.Range(0, RefusedSearches.Length)];

    /// <summary>
    /// Unicode names are found by prefixes counted in whole text elements, with encrypted names and with names in clear
    /// alike (a two-character Chinese prefix, a one-character family name, José typed composed or decomposed); a prefix
    /// that splits a text element (👍 without its skin tone, q without its tilde) finds nothing on either path. (The name
    /// key drops U+200D ZERO WIDTH JOINER, so 👩 finds 👩‍💻: the key holds 👩 and 💻 as two elements.)
    /// </summary>
    /// <param name="search">Index into <see cref="UnicodeSearches"/>.</param>
    /// <returns>The test.</returns>
    [Theory]
    [MemberData(nameof(UnicodeSearchIndexes))]
    public async Task Unicode_names_are_found_by_whole_text_elements_on_both_paths(int search)
    {
        var (typed, encrypted, plain) = UnicodeSearches[search];
        foreach (var encrypt in new[] { true, false })
        {
            using var database = new TestDatabase();
            await using var host = encrypt ? database.OpenEncrypted(TestDatabase.NewRootKey()) : database.Open(null);
            var ids = new List<CustomerId>();
            foreach (var name in UnicodeNames)
            {
                ids.Add((await CreateAsync(host.Crm, name)).Id);
            }

            var expected = (encrypt ? encrypted : plain).Select(i => ids[i]).Order().ToArray();
            Assert.True(expected.SequenceEqual((await SearchAsync(host.Crm, typed)).Order()), $"{(encrypt ? "encrypted" : "plain")}: '{typed}'");
            Assert.Equal(expected, await StreamAsync(host.Crm, typed));
        }
    }

    /// <summary>A search holding a lone surrogate is refused on both paths; one non-CJK text element is too short over encrypted names.</summary>
    /// <param name="search">Index into <see cref="RefusedSearches"/>.</param>
    /// <returns>The test.</returns>
    [Theory]
    [MemberData(nameof(RefusedSearchIndexes))]
    public async Task Lone_surrogates_and_single_non_cjk_elements_are_refused(int search)
    {
        var (typed, rule) = RefusedSearches[search];
        using var database = new TestDatabase();
        await using (var host = database.OpenEncrypted(TestDatabase.NewRootKey()))
        {
            await CreateAsync(host.Crm, "Ada \U0001F44D\U0001F3FD Byron");
            var error = await Assert.ThrowsAsync<CrmValidationException>(() => SearchAsync(host.Crm, typed));
            Assert.Equal(("NamePrefix", rule), (Assert.Single(error.Errors).Field, error.Errors[0].Rule));
        }

        if (rule == "invalid-unicode")
        {
            using var plainDatabase = new TestDatabase();
            await using var plain = plainDatabase.Open(null);
            var error = await Assert.ThrowsAsync<CrmValidationException>(() => SearchAsync(plain.Crm, typed));
            Assert.Equal(("NamePrefix", rule), (Assert.Single(error.Errors).Field, error.Errors[0].Rule));
        }
    }

    /// <summary>
    /// The data upgrade <c>customers-name-tokens-text-elements</c> re-indexes customers whose tokens the text-element
    /// rules changed (here: their tokens removed from the file, as a database whose tokens lack the new ones), and only
    /// those: the ASCII name, whose tokens are the same under both rules, is not rewritten.
    /// </summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task The_token_upgrade_reindexes_the_names_whose_tokens_changed()
    {
        using var database = new TestDatabase();
        var rootKey = TestDatabase.NewRootKey();
        CustomerId wang, yoshino, bob;
        await using (var host = database.OpenEncrypted(rootKey))
        {
            wang = (await CreateAsync(host.Crm, "\u738B\u5C0F\u660E")).Id;
            yoshino = (await CreateAsync(host.Crm, "\u91CE\U00020BB7 \u592A\u90CE")).Id;
            bob = (await CreateAsync(host.Crm, "Bob Smith")).Id;
            await host.Services.GetRequiredService<ICrmDataUpgrades>().RunAsync();
        }

        // Name tokens gone for the two CJK names, and the upgrade not run yet on this database.
        foreach (var id in new[] { wang, yoshino })
        {
            database.Execute("DELETE FROM customers__name_tokens WHERE id = $id", ("$id", TestDatabase.IdBytes(id.Value)));
        }

        Assert.Equal(1, database.Execute("DELETE FROM data_upgrades WHERE json_extract(body, '$.name') = 'customers-name-tokens-text-elements'"));

        var services = new ServiceCollection();
        services.AddCrm(o => o.RunDataUpgradesInBackground = false)
            .UseSqlite(database.Path)
            .AddFieldEncryption(e => e.RootKeys.Add(new RootKeyOptions { Id = "k1", Base64Key = rootKey }));
        await using var provider = services.BuildServiceProvider();
        var crm = provider.GetRequiredService<ICrm>();
        Assert.Empty(await SearchAsync(crm, "\u738B\u5C0F"));
        Assert.Empty(await SearchAsync(crm, "\u592A\u90CE"));

        var results = await provider.GetRequiredService<ICrmDataUpgrades>().RunAsync();

        Assert.Contains(new DataUpgradeProgress("customers-name-tokens-text-elements", 3, 2, 0, true), results);
        Assert.Equal([wang], await SearchAsync(crm, "\u738B"));
        Assert.Equal([wang], await SearchAsync(crm, "\u738B\u5C0F"));
        Assert.Equal([yoshino], await SearchAsync(crm, "\u592A\u90CE"));
        Assert.Equal([yoshino], await SearchAsync(crm, "\u91CE\U00020BB7 \u592A"));
        Assert.Equal([bob], await SearchAsync(crm, "smi"));
    }

    private static Task<Customer> CreateAsync(ICrm crm, string displayName) =>
        crm.Customers.CreateAsync(new CustomerDraft { Kind = CustomerKind.Company, CompanyName = displayName });

    private static async Task<CustomerId[]> SearchAsync(ICrm crm, string prefix) =>
        [.. (await crm.Customers.ListAsync(new CustomerFilter { NamePrefix = prefix }, PageRequest.First)).Items.Select(c => c.Id)];

    private static async Task<CustomerId[]> StreamAsync(ICrm crm, string prefix)
    {
        var ids = new List<CustomerId>();
        await foreach (var customer in crm.Customers.StreamAsync(new CustomerFilter { NamePrefix = prefix }))
        {
            ids.Add(customer.Id);
        }

        return [.. ids.Order()];
    }
}
