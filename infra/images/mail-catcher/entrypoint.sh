#!/bin/bash
# The catcher on loopback (11025 SMTP, 18025 web), socat exposing them as 1025 and 8025.
set -euo pipefail
socat TCP-LISTEN:1025,fork,reuseaddr TCP:127.0.0.1:11025 &
socat TCP-LISTEN:8025,fork,reuseaddr TCP:127.0.0.1:18025 &
exec java -XX:TieredStopAtLevel=1 -XX:MaxRAMPercentage=60 -cp '/opt/sellavie/lib/*' /opt/sellavie/MailCatcher.java 11025 18025
