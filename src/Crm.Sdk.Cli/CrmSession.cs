using System.CommandLine;
using Crm.Sdk.Encryption;
using Crm.Sdk.Security;
using Microsoft.Extensions.DependencyInjection;

namespace Crm.Sdk.Cli;

/// <summary>
/// One opened store: the <c>services.AddCrm()</c> registration a host would write, built from the global options — the
/// provider from <c>--store</c>, field encryption from the root key (and blind-index key) when one is given, the audit trail
/// (so what the tool does is recorded), and access control when <c>--as</c> is given.
/// </summary>
internal sealed class CrmSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private CrmSession(ServiceProvider services, StoreLocation location)
    {
        _services = services;
        Location = location;
        Crm = services.GetRequiredService<ICrm>();
    }

    /// <summary>The CRM over the store.</summary>
    public ICrm Crm { get; }

    /// <summary>Where the store is.</summary>
    public StoreLocation Location { get; }

    /// <summary>Opens the store the parse result names.</summary>
    /// <param name="parse">The parse result.</param>
    /// <param name="options">The global options.</param>
    /// <param name="environment">Reads environment variables.</param>
    /// <param name="createStore">Whether a SQLite store file that does not exist may be created.</param>
    /// <returns>The session.</returns>
    /// <exception cref="CliException">An option is missing or malformed.</exception>
    public static CrmSession Open(ParseResult parse, GlobalOptions options, Func<string, string?> environment, bool createStore = false)
    {
        var location = StoreLocation.Parse(parse.GetValue(options.Store) ?? environment(GlobalOptions.StoreVariable), createStore);
        var rootKey = KeyText.Read(parse.GetValue(options.KeyFile), GlobalOptions.RootKeyVariable, environment, "root key");
        var blindIndexKey = KeyText.Read(parse.GetValue(options.BlindIndexKeyFile), GlobalOptions.BlindIndexKeyVariable, environment, "blind-index key");
        if (blindIndexKey is not null && rootKey is null)
        {
            throw new CliException(ExitCodes.KeyProblem, $"A blind-index key was given without a root key: give the root key with --key-file or ${GlobalOptions.RootKeyVariable}.");
        }

        var actor = Actor(parse.GetValue(options.As), parse.GetValue(options.Roles) ?? []);
        var region = parse.GetValue(options.PhoneRegion);

        var services = new ServiceCollection();
        var builder = services.AddCrm(o => o.DefaultPhoneRegion = region);
        if (location.IsPostgreSql)
        {
            builder.UsePostgreSql(location.ConnectionStringOrPath);
        }
        else
        {
            builder.UseSqlite(location.ConnectionStringOrPath);
        }

        if (rootKey is not null)
        {
            builder.AddFieldEncryption(o =>
            {
                o.RootKeys.Add(new RootKeyOptions { Id = rootKey.Id, Base64Key = rootKey.Base64Key });
                if (blindIndexKey is not null)
                {
                    o.BlindIndexKeys.Add(new BlindIndexKeyOptions { Id = blindIndexKey.Id, Base64Key = blindIndexKey.Base64Key });
                }
            });
        }

        if (actor is not null)
        {
            services.AddSingleton<ICrmActorAccessor>(new FixedActor(actor));
            builder.AddAccessControl();
        }

        builder.AddAuditTrail();
        var provider = services.BuildServiceProvider();
        try
        {
            return new CrmSession(provider, location);
        }
        catch
        {
            provider.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _services.DisposeAsync();

    private static CrmActor? Actor(string? userId, string[] roles)
    {
        if (userId is null)
        {
            return roles.Length == 0
                ? null
                : throw new CliException(ExitCodes.BadArguments, "--role needs --as <user id>: the role is the role of that user.");
        }

        if (string.IsNullOrWhiteSpace(userId))
        {
            throw new CliException(ExitCodes.BadArguments, "--as needs a user id.");
        }

        var known = BuiltInRoles.Create();
        if (roles.Length == 0)
        {
            throw new CliException(ExitCodes.BadArguments, $"--as {userId} needs at least one --role ({string.Join(", ", known.Keys)}).");
        }

        if (roles.FirstOrDefault(r => !known.ContainsKey(r)) is { } unknown)
        {
            throw new CliException(ExitCodes.BadArguments, $"'{unknown}' is not a built-in role: use one of {string.Join(", ", known.Keys)}.");
        }

        return new CrmActor(userId, roles: roles);
    }

    private sealed class FixedActor(CrmActor actor) : ICrmActorAccessor
    {
        public CrmActor? Current => actor;
    }
}
