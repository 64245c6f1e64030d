# configs.mk - every shipped configuration (configs/*.cfg) is one the generator
# accepts: the configuration contract (docs/config.md) refuses a configuration
# whose buffers cannot hold every advertised shape, and a shipped one must not be.
TEST_STEPS += t-configs
.PHONY: t-configs
t-configs: $(B)/bin/sltgen
	@n=0; for c in configs/*.cfg; do \
	  $(B)/bin/sltgen --config $$c --out $(B)/cfgcheck/$$(basename $$c .cfg) --quiet || exit 1; n=$$((n + 1)); \
	done; echo "configs: all $$n of configs/*.cfg accepted by sltgen"
