namespace Crm.Sdk.Sqlite;

/// <summary>How hard SQLite syncs the database file to disk (<c>PRAGMA synchronous</c>).</summary>
public enum SqliteSynchronousMode
{
    /// <summary>
    /// Every committed transaction survives a power loss (<c>FULL</c>). The default: a CRM should not lose a
    /// record that a call reported as saved.
    /// </summary>
    Full,

    /// <summary>
    /// Faster commits (<c>NORMAL</c>): in WAL mode the database stays consistent, but the last transactions
    /// before a power loss (not a process crash) may roll back.
    /// </summary>
    Normal,
}
