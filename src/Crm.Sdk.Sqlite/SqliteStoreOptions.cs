namespace Crm.Sdk.Sqlite;

/// <summary>Options of the SQLite storage provider, set in <c>UseSqlite(path, o =&gt; ...)</c>.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>How hard commits are synced to disk; <see cref="SqliteSynchronousMode.Full"/> by default.</summary>
    public SqliteSynchronousMode Synchronous { get; set; } = SqliteSynchronousMode.Full;

    /// <summary>
    /// How long a connection waits for a lock held by another connection or process before the call fails with a
    /// transient <see cref="CrmStorageException"/>; 30 seconds by default.
    /// </summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one SQL command may run; 30 seconds by default.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    internal void Validate()
    {
        if (BusyTimeout < TimeSpan.Zero || BusyTimeout.TotalMilliseconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(BusyTimeout), BusyTimeout, "The busy timeout must be between zero and 24 days.");
        }

        if (CommandTimeout < TimeSpan.Zero || CommandTimeout.TotalSeconds > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(CommandTimeout), CommandTimeout, "The command timeout must not be negative.");
        }

        if (!Enum.IsDefined(Synchronous))
        {
            throw new ArgumentOutOfRangeException(nameof(Synchronous), Synchronous, "Unknown synchronous mode.");
        }
    }

    internal SqliteStoreOptions Clone() => new()
    {
        Synchronous = Synchronous,
        BusyTimeout = BusyTimeout,
        CommandTimeout = CommandTimeout,
    };
}
