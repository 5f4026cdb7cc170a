using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>One running host application: its service provider and its <see cref="ICrm"/>. Disposing it closes the file.</summary>
internal sealed class CrmHost(ServiceProvider services) : IAsyncDisposable
{
    public ServiceProvider Services { get; } = services;

    public ICrm Crm => Services.GetRequiredService<ICrm>();

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}
