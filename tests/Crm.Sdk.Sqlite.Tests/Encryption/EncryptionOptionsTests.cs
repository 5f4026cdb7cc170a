using Crm.Sdk.Customers;
using Crm.Sdk.Encryption;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>What the host configures: which fields are encrypted, and keys that are missing or wrong are clear errors.</summary>
public sealed class EncryptionOptionsTests
{
    /// <summary>A field removed from the encrypted fields is stored in clear and still works; the others stay encrypted.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Field_removed_from_EncryptedFields_is_stored_in_clear_and_still_round_trips()
    {
        using var database = new TestDatabase();
        var key = TestDatabase.NewRootKey();
        void Configure(FieldEncryptionOptions e) => e.EncryptedFields.Remove(EncryptableField.Names.CustomerEmails);
        Customer created;
        await using (var host = database.OpenEncrypted(key, configure: Configure))
        {
            created = await host.Crm.Customers.CreateAsync(new CustomerDraft
            {
                Kind = CustomerKind.Person,
                GivenName = "Hermione",
                FamilyName = "Clearwater-Pennyfeather",
                Emails = [new ContactDraft { Value = "Hermione.Clearwater@Example.net", Label = "Work" }],
                Phones = ["+44 20 7946 0123"],
            });
        }

        Assert.Equal(["Hermione.Clearwater@Example.net"], RawFile.FindTexts(database.Path, ["Hermione.Clearwater@Example.net", "Clearwater-Pennyfeather", "+442079460123"]));
        Assert.Equal(["hermione.clearwater@example.net"], database.Column("SELECT value FROM customers__emails"));
        await using (var host = database.OpenEncrypted(key, configure: Configure))
        {
            var found = Assert.Single(await host.Crm.Customers.FindByEmailAsync("HERMIONE.clearwater@example.net"));
            Assert.Equal(created.Emails, found.Emails);
            Assert.Equal(created.DisplayName, found.DisplayName);
            Assert.Equal(created.Id, Assert.Single(await host.Crm.Customers.FindByPhoneAsync("020 7946 0123")).Id);
        }
    }

    /// <summary>An unknown field name is a configuration error when the CRM is resolved, listing the names that exist.</summary>
    [Fact]
    public void Unknown_field_name_is_a_configuration_error()
    {
        using var database = new TestDatabase();
        using var host = database.OpenEncrypted(TestDatabase.NewRootKey(), configure: e => e.EncryptedFields.Add("customers.shoe_size")).Services;

        var error = Assert.Throws<CrmConfigurationException>(() => host.GetRequiredService<ICrm>());

        Assert.Contains("'customers.shoe_size'", error.Message, StringComparison.Ordinal);
        Assert.Contains(EncryptableField.Names.CustomerEmails, error.Message, StringComparison.Ordinal);
    }

    /// <summary>A missing, malformed or short root key is a configuration error naming the option.</summary>
    /// <param name="base64Key">The configured key.</param>
    /// <param name="expected">What the message must say.</param>
    [Theory]
    [InlineData(null, "FieldEncryptionOptions.RootKeys[0].Base64Key is missing")]
    [InlineData("", "FieldEncryptionOptions.RootKeys[0].Base64Key is missing")]
    [InlineData("not base64 at all!", "FieldEncryptionOptions.RootKeys[0].Base64Key is not valid base64")]
    [InlineData("AAECAwQFBgcICQoLDA0ODw==", "FieldEncryptionOptions.RootKeys[0].Base64Key decodes to 16 bytes")]
    public void Missing_or_short_root_key_is_a_configuration_error_naming_the_option(string? base64Key, string expected)
    {
        using var database = new TestDatabase();
        using var host = database.Open(e => e.RootKeys.Add(new RootKeyOptions { Id = "k1", Base64Key = base64Key })).Services;

        var error = Assert.Throws<CrmConfigurationException>(() => host.GetRequiredService<ICrm>());

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    /// <summary>Field encryption without any root key is a configuration error naming the option and how to make a key.</summary>
    [Fact]
    public void No_root_key_at_all_is_a_configuration_error()
    {
        using var database = new TestDatabase();
        using var host = database.Open(_ => { }).Services;

        var error = Assert.Throws<CrmConfigurationException>(() => host.GetRequiredService<ICrm>());

        Assert.Contains("FieldEncryptionOptions.RootKeys is empty", error.Message, StringComparison.Ordinal);
        Assert.Contains("openssl rand -base64 32", error.Message, StringComparison.Ordinal);
    }
}
