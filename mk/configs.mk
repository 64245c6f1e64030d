# configs.mk - every shipped configuration (configs/*.cfg) is one the generator
# accepts: the configuration contract (docs/config.md) refuses a configuration
# whose buffers cannot hold every advertised shape, and a shipped one must not be.
# Variants, name:base:key=value[,key=value]: configs/<name>.cfg is configs/<base>.cfg with
# those keys and nothing else. They stay real files (make timing-all and the tests read
# configs/*.cfg); t-configs checks that sltgen's canonical dump (config.cfg) of each equals
# that of the base with the keys set, so a key edited in one and not the other fails.
CFG_VARIANTS := tiny_s4:tiny:act_slice_bits=4 slim_s4:slim:act_slice_bits=4 slim_c2:slim:psum_chunks=2

TEST_STEPS += t-configs
.PHONY: t-configs
t-configs: $(B)/bin/sltgen
	@n=0; for c in configs/*.cfg; do \
	  $(B)/bin/sltgen --config $$c --out $(B)/cfgcheck/$$(basename $$c .cfg) --quiet || exit 1; n=$$((n + 1)); \
	done; echo "configs: all $$n of configs/*.cfg accepted by sltgen"
	@for v in $(CFG_VARIANTS); do \
	  IFS=: read -r name base sets <<<"$$v"; d=$(B)/cfgcheck/variant-$$name; \
	  $(B)/bin/sltgen --config configs/$$base.cfg --set name=$$name --set $${sets//,/ --set } --out $$d --quiet || exit 1; \
	  cmp -s $(B)/cfgcheck/$$name/config.cfg $$d/config.cfg || { diff $(B)/cfgcheck/$$name/config.cfg $$d/config.cfg; \
	    echo "FAIL configs/$$name.cfg is not configs/$$base.cfg with $$sets and nothing else (mk/configs.mk CFG_VARIANTS)"; exit 1; }; \
	  echo "configs: $$name.cfg = $$base.cfg + $$sets"; \
	done
	@for c in configs/*_s4.cfg; do n=$$(basename $$c .cfg); \
	  case " $(CFG_VARIANTS) " in *" $$n:"*) ;; *) echo "FAIL $$c is not in CFG_VARIANTS (mk/configs.mk)"; exit 1;; esac; done
