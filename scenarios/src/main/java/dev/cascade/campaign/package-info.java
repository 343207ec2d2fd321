/**
 * Seed campaigns: many simulated runs of fault plans drawn over a scenario's tree, checked against
 * specs, split into shards by a CI matrix, a Kubernetes Indexed Job or Bazel test sharding
 * ({@link dev.cascade.campaign.Campaign}, {@link dev.cascade.campaign.Shard}), and merged with their
 * failures deduplicated by shrunk plan ({@link dev.cascade.campaign.CampaignMerge}). The CLI's
 * {@code cascade campaign run|merge} is a thin layer over this package.
 */
package dev.cascade.campaign;
