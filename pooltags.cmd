@echo off
rem Runs pooltags from this checkout: builds target\pooltags.jar with Maven on first use and whenever a file under
rem src\main or pom.xml is newer than the jar (as ./pooltags does), then runs it. cmd.exe cannot compare file times,
rem so the jar does: told its checkout in POOLTAGS_CHECKOUT, a stale jar exits 75 before doing anything (see
rem dev.pooltags.cli.CheckoutFreshness) and this script rebuilds and runs the command again.
rem Start-up: a dynamic AppCDS archive that the JVM creates, checks and remakes itself when the jar or the JDK changes
rem (JDK 19 and later; JDK 17 ignores the options and starts without one). POOLTAGS_JAVA_OPTS adds JVM options.
setlocal
set "HERE=%~dp0"
set "JAR=%HERE%target\pooltags.jar"
set "POOLTAGS_CHECKOUT=%HERE%."
set "REBUILT="
if defined JAVA_HOME (set "JAVA=%JAVA_HOME%\bin\java") else (set "JAVA=java")
rem lint: a fixed heap keeps it under 512 MiB resident on any tree (as in the pooltags script)
set "OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1"
if /i "%~1"=="lint" set "OPTS=-Xmx384m -XX:+UseParallelGC"
set "CDS=-XX:+IgnoreUnrecognizedVMOptions -XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=%HERE%target\startup\windows.jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
if not exist "%JAR%" goto build

:run
if not exist "%HERE%target\startup" mkdir "%HERE%target\startup" 2>nul
rem bench: the benchmarks are not in the jar; they are built with the tests, into target\test-classes
set "CP=-jar "%JAR%""
rem the launch jar (pooltags' classes, its dependencies named from target\lib) starts faster than the one jar of 4,900 entries
if exist "%HERE%target\pooltags-launch.jar" if exist "%HERE%target\lib\" set "CP=-jar "%HERE%target\pooltags-launch.jar""
if /i "%~1"=="bench" set "CP=-cp "%JAR%;%HERE%target\test-classes" dev.pooltags.cli.Main"
rem bench measures with the JVM's defaults and its own class path: no archive, no start-up options
if /i "%~1"=="bench" (set "OPTS=" & set "CDS=")
"%JAVA%" %CDS% %OPTS% %POOLTAGS_JAVA_OPTS% %CP% %*
set "RC=%ERRORLEVEL%"
if "%RC%"=="75" if not defined REBUILT goto build
exit /b %RC%

:build
echo pooltags: building target\pooltags.jar ^(needs Maven and Java 17^) ... 1>&2
pushd "%HERE%"
call mvn -q -B -DskipTests package 1>&2
set "MVNRC=%ERRORLEVEL%"
popd
if not "%MVNRC%"=="0" goto failed
if not exist "%JAR%" goto failed
rem once rebuilt, the jar is not asked again: a source dated in the future must not loop
set "REBUILT=1"
set "POOLTAGS_CHECKOUT="
goto run

:failed
echo pooltags: build failed; fix it or run "mvn -DskipTests package" in %HERE% 1>&2
exit /b 5
