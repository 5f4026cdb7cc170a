using Crm.Sdk.Encryption;
using Crm.Sdk.Specification.Tests.Storage;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>The duplicate detection and merge conformance tests with field encryption on: blocking keys are blind indexes, the journal holds sealed copies.</summary>
/// <typeparam name="TFixture">The provider's fixture.</typeparam>
public abstract class EncryptedDuplicateConformanceTests<TFixture>(TFixture fixture) : DuplicateConformanceTests<TFixture>(fixture)
    where TFixture : StoreFixture
{
    private static readonly string RootKey = Convert.ToBase64String(Enumerable.Range(21, 32).Select(i => (byte)i).ToArray());
    private static readonly string BlindIndexKey = Convert.ToBase64String(Enumerable.Range(121, 32).Select(i => (byte)i).ToArray());

    /// <inheritdoc />
    protected override bool Encrypted => true;

    /// <inheritdoc />
    protected override void ConfigureCrm(CrmBuilder builder)
    {
        base.ConfigureCrm(builder);
        builder.AddFieldEncryption(o =>
        {
            o.RootKeys.Add(new RootKeyOptions { Id = "duplicates", Base64Key = RootKey });
            o.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = "duplicates-index", Base64Key = BlindIndexKey });
        });
    }
}
