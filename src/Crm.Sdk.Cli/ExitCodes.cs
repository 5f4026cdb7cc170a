namespace Crm.Sdk.Cli;

/// <summary>
/// The exit codes of <c>crm</c>, documented in docs/articles/cli.md and in <c>crm --help</c>. Scripts may rely on them:
/// a code keeps its meaning from version to version.
/// </summary>
internal static class ExitCodes
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure (a bug, or an error the tool does not classify); the message says what happened.</summary>
    public const int Failure = 1;

    /// <summary>Bad arguments: an unknown command or option, a missing or malformed value (an id that is not a GUID, an email that is not one).</summary>
    public const int BadArguments = 2;

    /// <summary>The customer (or other record) named does not exist.</summary>
    public const int NotFound = 3;

    /// <summary>The store cannot be opened or read: no such SQLite file, a file that is not a Crm.Sdk database, a PostgreSQL server that refuses the connection.</summary>
    public const int StoreUnreadable = 4;

    /// <summary>A key problem: the key file or variable is missing or malformed, the store's data is sealed with another root key, or a record cannot be decrypted with the key given.</summary>
    public const int KeyProblem = 5;

    /// <summary>Access control denied the actor given with <c>--as</c> and <c>--role</c>.</summary>
    public const int AccessDenied = 6;

    /// <summary>The output file cannot be written.</summary>
    public const int OutputUnwritable = 7;

    /// <summary>A conflict: the records of a merge changed since it was made (an unmerge cannot restore them), or a record changed while the command ran (retry).</summary>
    public const int Conflict = 8;

    /// <summary>Cancelled (Ctrl+C).</summary>
    public const int Cancelled = 130;

    /// <summary>The exit codes as the table <c>crm --help</c> shows.</summary>
    public const string HelpText =
        "Exit codes: 0 success; 1 unexpected failure; 2 bad arguments; 3 not found; 4 store unreadable; " +
        "5 key problem (missing, malformed or wrong root key); 6 access denied; 7 output file not writable; 8 conflict (records changed since the merge, or during the command); 130 cancelled.";
}
