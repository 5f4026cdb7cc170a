using System.CommandLine;

namespace Crm.Sdk.Cli;

/// <summary>The options every command takes (recursive: written before or after the command's name).</summary>
internal sealed class GlobalOptions
{
    /// <summary>The variable a root key is read from when <c>--key-file</c> is not given.</summary>
    public const string RootKeyVariable = "CRM_ROOT_KEY";

    /// <summary>The variable a blind-index key is read from when <c>--blind-index-key-file</c> is not given.</summary>
    public const string BlindIndexKeyVariable = "CRM_BLIND_INDEX_KEY";

    /// <summary>The variable the store is read from when <c>--store</c> is not given.</summary>
    public const string StoreVariable = "CRM_STORE";

    public Option<string?> Store { get; } = new("--store", "-s")
    {
        Description = $"The store: a SQLite file path, or PostgreSQL as 'postgres://user:password@host:port/database' or 'postgres:Host=...;Database=...' (default: ${StoreVariable}).",
        Recursive = true,
    };

    public Option<FileInfo?> KeyFile { get; } = new("--key-file")
    {
        Description = $"A file holding the root key as '<key-id>:<base64 of 32 bytes>' (default: ${RootKeyVariable}; none: the store is not encrypted).",
        Recursive = true,
    };

    public Option<FileInfo?> BlindIndexKeyFile { get; } = new("--blind-index-key-file")
    {
        Description = $"A file holding the blind-index key as '<key-id>:<base64 of 32 bytes>' (default: ${BlindIndexKeyVariable}).",
        Recursive = true,
    };

    public Option<string?> PhoneRegion { get; } = new("--phone-region")
    {
        Description = "The region national phone numbers are read in, for example GB or CN (as the host's CrmOptions.DefaultPhoneRegion).",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Write the result as JSON on standard output, for scripts.",
        Recursive = true,
    };

    public Option<string?> As { get; } = new("--as")
    {
        Description = "Act as this user id under access control (with --role); without it the tool acts as the system actor.",
        Recursive = true,
    };

    public Option<string[]> Roles { get; } = new("--role")
    {
        Description = "A built-in role of the user given with --as (administrator, sales-manager, sales-rep, service-agent, auditor, read-only); repeat for several.",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    /// <summary>Adds every global option to the root command.</summary>
    /// <param name="root">The root command.</param>
    public void AddTo(RootCommand root)
    {
        foreach (var option in new Option[] { Store, KeyFile, BlindIndexKeyFile, PhoneRegion, Json, As, Roles })
        {
            root.Options.Add(option);
        }
    }
}
