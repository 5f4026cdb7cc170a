using Crm.Sdk.Customers;
using Crm.Sdk.Deals;
using Crm.Sdk.Interactions;
using Crm.Sdk.Pipelines;
using Crm.Sdk.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Crm.Sdk.Benchmarks.Ways.EfCore;

/// <summary>The DbContext a host would write, with the indexes the scenarios' queries need (the SDK's composites).</summary>
internal sealed class BenchDbContext(DbContextOptions<BenchDbContext> options) : DbContext(options)
{
    public DbSet<EfEntities.Customer> Customers => Set<EfEntities.Customer>();

    public DbSet<EfEntities.Interaction> Interactions => Set<EfEntities.Interaction>();

    public DbSet<EfEntities.Pipeline> Pipelines => Set<EfEntities.Pipeline>();

    public DbSet<EfEntities.Stage> Stages => Set<EfEntities.Stage>();

    public DbSet<EfEntities.Deal> Deals => Set<EfEntities.Deal>();

    public DbSet<EfEntities.Ticket> Tickets => Set<EfEntities.Ticket>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<EfEntities.Customer>().HasIndex(c => c.Email);
        modelBuilder.Entity<EfEntities.Interaction>().HasIndex(i => new { i.CustomerId, i.OccurredAt, i.Id });
        modelBuilder.Entity<EfEntities.Interaction>().HasIndex(i => new { i.CustomerId, i.Kind, i.OccurredAt, i.Id });
        modelBuilder.Entity<EfEntities.Pipeline>().HasMany(p => p.Stages).WithOne().HasForeignKey(s => s.PipelineId);
        modelBuilder.Entity<EfEntities.Deal>().HasIndex(d => new { d.PipelineId, d.StageId, d.Id });
        modelBuilder.Entity<EfEntities.Deal>().HasIndex(d => new { d.CustomerId, d.Status, d.Id });
        modelBuilder.Entity<EfEntities.Ticket>().HasIndex(t => new { t.CustomerId, t.IsOpen, t.Id });
    }
}
