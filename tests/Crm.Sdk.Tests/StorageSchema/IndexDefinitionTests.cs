using Crm.Sdk.ProviderKit;
using Crm.Sdk.Storage;
using Xunit;

namespace Crm.Sdk.Tests.StorageSchema;

public sealed class IndexDefinitionTests
{
    [Fact]
    public void An_index_keeps_its_own_btree_unless_declared_otherwise()
    {
        Assert.True(new IndexDefinition("name", IndexValueType.Text).HasOwnIndex);
        Assert.False(new IndexDefinition("name", IndexValueType.Text) { HasOwnIndex = false }.HasOwnIndex);
    }

    [Fact]
    public void Unique_and_multi_valued_indexes_cannot_do_without_their_own_btree()
    {
        Assert.Throws<ArgumentException>(() => new IndexDefinition("code", IndexValueType.Text, isUnique: true) { HasOwnIndex = false });
        Assert.Throws<ArgumentException>(() => new IndexDefinition("tags", IndexValueType.Text, isMultiValued: true) { HasOwnIndex = false });
    }

    [Fact]
    public void Recorded_definition_round_trips_the_own_btree_option()
    {
        var definition = new CollectionDefinition(
            "things",
            [
                new IndexDefinition("owner", IndexValueType.Uuid) { HasOwnIndex = false },
                new IndexDefinition("name", IndexValueType.Text),
            ],
            [["owner", "name"]]);

        var read = CollectionDefinition.FromJson(definition.ToJson());

        Assert.Equal(definition.Indexes, read.Indexes);
        Assert.False(read.GetIndex("owner").HasOwnIndex);
        Assert.True(read.GetIndex("name").HasOwnIndex);
    }

    [Fact]
    public void Definition_recorded_before_the_option_existed_reads_as_having_own_btrees()
    {
        const string Recorded = """{"name":"things","indexes":[{"name":"owner","type":"Uuid","multiValued":false,"unique":false}],"compositeIndexes":[]}""";

        Assert.True(CollectionDefinition.FromJson(Recorded).GetIndex("owner").HasOwnIndex);
    }
}
