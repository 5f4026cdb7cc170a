using Crm.Sdk.ProviderKit;

namespace Crm.Sdk;

/// <summary>The provider chosen with <see cref="ProviderKit.CrmBuilderStorageExtensions.UseStorage"/>; the last registration wins.</summary>
internal sealed record StorageRegistration(string ProviderName, Func<IServiceProvider, IDocumentStore> Factory);
