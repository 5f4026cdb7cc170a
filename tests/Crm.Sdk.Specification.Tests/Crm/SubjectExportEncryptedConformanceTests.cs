using Crm.Sdk.Encryption;
using Crm.Sdk.Specification.Tests.Storage;
using Xunit;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>
/// The subject access export with field encryption on: the same tests, and the document holds the personal data in clear
/// while the database does not.
/// </summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class SubjectExportEncryptedConformanceTests<TFixture>(TFixture fixture) : SubjectExportConformanceTests<TFixture>(fixture)
    where TFixture : StoreFixture
{
    private static readonly string RootKey = Convert.ToBase64String(Enumerable.Range(17, 32).Select(i => (byte)i).ToArray());
    private static readonly string BlindIndexKey = Convert.ToBase64String(Enumerable.Range(101, 32).Select(i => (byte)i).ToArray());

    /// <summary>The stored customer is sealed (no name or email in its body), the export decrypts it.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Export_is_decrypted_while_the_store_is_not()
    {
        var (subject, _) = await SeedAsync(Crm);

        var stored = await ExportStoredBodyAsync(subject.Id.Value);
        var (document, text, _) = await ExportAsync(Crm, subject.Id);
        document.Dispose();

        Assert.DoesNotContain(SubjectEmail, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(SubjectName, stored, StringComparison.Ordinal);
        Assert.Contains(SubjectEmail, text, StringComparison.Ordinal);
        Assert.Contains(SubjectName, text, StringComparison.Ordinal);
    }

    /// <inheritdoc />
    protected override void ConfigureCrm(CrmBuilder builder) =>
        builder.AddFieldEncryption(o =>
        {
            o.RootKeys.Add(new RootKeyOptions { Id = "export", Base64Key = RootKey });
            o.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = "export-index", Base64Key = BlindIndexKey });
        });

    private async Task<string> ExportStoredBodyAsync(Guid id)
    {
        var store = await Fixture.ReopenStoreAsync(DatabaseName);
        try
        {
            var document = await store.GetAsync("customers", id, CancellationToken.None);
            return document!.Body;
        }
        finally
        {
            await Fixture.ReleaseStoreAsync(store);
        }
    }
}
