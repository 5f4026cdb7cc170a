using Xunit;

namespace Crm.Sdk.Sqlite.Tests.Encryption;

/// <summary>
/// What an auditor checks first: with field encryption on, no personal text the application wrote can be read from the
/// bytes of the database file or of its write-ahead log, while the application runs and after it closed.
/// </summary>
public sealed class RawFileScanTests
{
    /// <summary>With encryption on, no name, email, phone, address, note, subject, body or comment is in the file or the WAL.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task No_personal_text_is_in_the_database_file_or_its_log()
    {
        using var database = new TestDatabase();
        var workload = new Workload();
        await using (var host = database.OpenEncrypted(TestDatabase.NewRootKey()))
        {
            await workload.RunAsync(host.Crm);

            Assert.True(File.Exists(database.WalPath), "the application is running in WAL mode, so its log exists");
            Assert.True(workload.PersonalTexts.Count > 1000, $"the workload wrote {workload.PersonalTexts.Count} personal texts");
            Assert.Empty(RawFile.FindTexts(database.Path, workload.PersonalTexts));
        }

        Assert.Empty(RawFile.FindTexts(database.Path, workload.PersonalTexts));
    }

    /// <summary>The same scan over the same workload with encryption off finds every text: the scan itself works.</summary>
    /// <returns>The test.</returns>
    [Fact]
    public async Task Without_encryption_the_same_scan_finds_every_personal_text()
    {
        using var database = new TestDatabase();
        var workload = new Workload();
        await using (var host = database.Open(encryption: null))
        {
            await workload.RunAsync(host.Crm);

            Assert.Empty(workload.PersonalTexts.Except(RawFile.FindTexts(database.Path, workload.PersonalTexts)));
        }

        Assert.Empty(workload.PersonalTexts.Except(RawFile.FindTexts(database.Path, workload.PersonalTexts)));
    }
}
